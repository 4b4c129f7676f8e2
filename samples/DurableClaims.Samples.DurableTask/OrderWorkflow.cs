using System.Globalization;
using System.Threading.Channels;
using Microsoft.DurableTask;

namespace DurableClaims.Samples.DurableTask;

/// <summary>An order to fulfil: the sample's input.</summary>
public sealed record Order(string OrderId, int Quantity, decimal UnitPrice);

/// <summary>Event payload raised by the warehouse when the parcel leaves.</summary>
public sealed record Shipment(string TrackingNumber);

/// <summary>Input of the confirmation activity.</summary>
public sealed record Confirmation(string OrderId, string Reservation, decimal Charged, string TrackingNumber);

/// <summary>A non-claims workflow on Microsoft.DurableTask: reserve stock, charge, tell the warehouse, wait for the shipment, confirm.</summary>
public sealed class OrderWorkflow : TaskOrchestrator<Order, string>
{
    /// <summary>The event the workflow waits for.</summary>
    public const string ShippedEvent = "PackageShipped";

    /// <summary>The custom status set while waiting for the shipment.</summary>
    public const string AwaitingShipment = "awaiting shipment";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, Order input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var reservation = await context.CallActivityAsync<string>(nameof(ReserveStock), input);
        var charged = await context.CallActivityAsync<decimal>(nameof(ChargePayment), input);
        context.SetCustomStatus(AwaitingShipment);
        await context.CallActivityAsync(nameof(NotifyWarehouse), input.OrderId);
        var shipment = await context.WaitForExternalEvent<Shipment>(ShippedEvent, TimeSpan.FromDays(3));
        context.SetCustomStatus("confirming");
        return await context.CallActivityAsync<string>(nameof(SendConfirmation), new Confirmation(input.OrderId, reservation, charged, shipment.TrackingNumber));
    }

    /// <summary>The output the workflow produces for an order shipped with <paramref name="tracking"/>.</summary>
    public static string ExpectedOutput(Order order, string tracking)
    {
        ArgumentNullException.ThrowIfNull(order);
        return string.Create(CultureInfo.InvariantCulture, $"{order.OrderId}: reserved RSV-{order.OrderId}x{order.Quantity}, charged {order.Quantity * order.UnitPrice:0.00}, shipped {tracking}");
    }
}

/// <summary>Simulated work latency (the crash test stretches runs so that kills land mid-flight).</summary>
public sealed class WorkDelay(int minMs = 0, int maxMs = 0)
{
    /// <summary>Waits a random time within the configured range.</summary>
    public Task WaitAsync(CancellationToken cancellation) => maxMs <= 0
        ? Task.CompletedTask
        : Task.Delay(Random.Shared.Next(minMs, maxMs + 1), cancellation);
}

/// <summary>The warehouse's inbox: orders waiting to ship (the sample's stand-in for an external system).</summary>
public sealed class Warehouse
{
    private readonly Channel<string> _orders = Channel.CreateUnbounded<string>();

    public ChannelReader<string> Orders => _orders.Reader;

    public void Ship(string orderId) => _orders.Writer.TryWrite(orderId);
}

/// <summary>Reserves stock (idempotent: the reservation id derives from the order).</summary>
public sealed class ReserveStock(WorkDelay delay) : TaskActivity<Order, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, Order input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await delay.WaitAsync(CancellationToken.None);
        return $"RSV-{input.OrderId}x{input.Quantity}";
    }
}

/// <summary>Charges the customer (idempotent: keyed by order id in a real system).</summary>
public sealed class ChargePayment(WorkDelay delay) : TaskActivity<Order, decimal>
{
    public override async Task<decimal> RunAsync(TaskActivityContext context, Order input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await delay.WaitAsync(CancellationToken.None);
        return input.Quantity * input.UnitPrice;
    }
}

/// <summary>Hands the order to the warehouse, which raises <see cref="OrderWorkflow.ShippedEvent"/> when it ships.</summary>
public sealed class NotifyWarehouse(Warehouse warehouse) : TaskActivity<string, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        warehouse.Ship(input);
        return Task.FromResult(true);
    }
}

/// <summary>Builds the confirmation message.</summary>
public sealed class SendConfirmation(WorkDelay delay) : TaskActivity<Confirmation, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, Confirmation input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await delay.WaitAsync(CancellationToken.None);
        return string.Create(CultureInfo.InvariantCulture, $"{input.OrderId}: reserved {input.Reservation}, charged {input.Charged:0.00}, shipped {input.TrackingNumber}");
    }
}

/// <summary>Registrations of the sample workflow.</summary>
public static class OrderRegistrations
{
    /// <summary>Adds the workflow and its activities to a registry.</summary>
    public static DurableTaskRegistry AddOrderWorkflow(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<OrderWorkflow>()
            .AddActivity<ReserveStock>()
            .AddActivity<ChargePayment>()
            .AddActivity<NotifyWarehouse>()
            .AddActivity<SendConfirmation>();
    }
}

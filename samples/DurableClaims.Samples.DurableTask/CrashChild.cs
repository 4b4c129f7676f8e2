using System.Globalization;
using DurableClaims.DurableTask.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Samples.DurableTask;

/// <summary>The crash test's workload: N orders on a SQLite task hub; the warehouse ships each order it is told about.</summary>
/// <remarks>Idempotent across restarts: existing instances are not rescheduled, and orders already waiting are shipped (again).</remarks>
public static class CrashChild
{
    /// <summary>Runs the workload until every order completed.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var database = Option(args, "--database") ?? throw new ArgumentException("--database is required");
        var count = int.Parse(Option(args, "--count") ?? "200", CultureInfo.InvariantCulture);
        using var host = Build(database);
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        var warehouse = host.Services.GetRequiredService<Warehouse>();
        _ = ShipAsync(warehouse, client);
        Console.WriteLine("started");

        // A kill may have landed after the warehouse was told but before it shipped: ship what is waiting again.
        await foreach (var waiting in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], FetchInputsAndOutputs = true }))
        {
            if (waiting.ReadCustomStatusAs<string>() == OrderWorkflow.AwaitingShipment)
            {
                warehouse.Ship(waiting.InstanceId);
            }
        }

        var ids = Enumerable.Range(0, count).Select(i => $"order-{i:D4}").ToList();
        foreach (var id in ids)
        {
            if (await client.GetInstanceAsync(id) is null)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(OrderWorkflow), OrderFor(id), new StartOrchestrationOptions(id));
            }
        }

        foreach (var id in ids)
        {
            await client.WaitForInstanceCompletionAsync(id);
        }

        Console.WriteLine("all completed");
        await host.StopAsync();
        return 0;
    }

    /// <summary>The order the child schedules for an instance id (the test recomputes it).</summary>
    public static Order OrderFor(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new(id, (int.Parse(id[^4..], CultureInfo.InvariantCulture) % 8) + 1, 2.50m);
    }

    private static IHost Build(string database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new WorkDelay(5, 30)).AddSingleton<Warehouse>();
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrderWorkflow()).UseSqlite(o => o.DatabasePath = database));
        builder.Services.AddDurableTaskClient(b => b.UseSqlite(o => o.DatabasePath = database));
        return builder.Build();
    }

    private static async Task ShipAsync(Warehouse warehouse, DurableTaskClient client)
    {
        await foreach (var orderId in warehouse.Orders.ReadAllAsync())
        {
            try
            {
                await client.RaiseEventAsync(orderId, OrderWorkflow.ShippedEvent, new Shipment("TRK-" + orderId));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                // Shipped twice after a restart: the order already finished.
            }
        }
    }

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}

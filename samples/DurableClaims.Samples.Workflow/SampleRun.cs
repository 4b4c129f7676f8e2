using DurableClaims.Durable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Samples.Workflow;

/// <summary>Runs one order through the workflow on the embedded engine, hosted like a real app.</summary>
internal static class SampleRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dataDir = args.SkipWhile(a => a != "--data-dir").Skip(1).FirstOrDefault()
            ?? Path.Combine(Path.GetTempPath(), "durableclaims-sample", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new WorkDelay(50, 150));
        builder.Services.AddDurableEngine(r => r.AddOrderWorkflow(), o => o.DataDirectory = dataDir);
        using var host = builder.Build();
        await host.StartAsync();
        var engine = host.Services.GetRequiredService<DurableEngine>();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var order = new Order("ORD-1001", 3, 19.90m);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        engine.InstanceUpdated += (_, e) =>
        {
            Console.WriteLine($"  [{e.InstanceId}] {e.Status} {e.SerializedCustomStatus}");
            if (e.SerializedCustomStatus?.Contains(OrderWorkflow.AwaitingShipment, StringComparison.Ordinal) == true)
            {
                waiting.TrySetResult();
            }
        };

        Console.WriteLine($"Task hub: {Path.Combine(dataDir, "default.db")}");
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(OrderWorkflow), order, new StartOrchestrationOptions(order.OrderId));
        Console.WriteLine($"Started {nameof(OrderWorkflow)} instance {id}");
        await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Console.WriteLine("Warehouse ships the parcel: raising PackageShipped");
        await client.RaiseEventAsync(id, OrderWorkflow.ShippedEvent, new Shipment("TRK-42"));
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
        Console.WriteLine($"Outcome: {result.RuntimeStatus} -> {result.ReadOutputAs<string>()}");
        Console.WriteLine($"History: {string.Join(", ", (await client.GetHistoryAsync(id)).Select(h => h.EventType))}");
        await host.StopAsync();
        return result.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
    }
}

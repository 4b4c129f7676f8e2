using System.Globalization;
using DurableClaims.Durable;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Samples.Workflow;

/// <summary>The crash test's workload: runs N orders, raising each shipment event as soon as the order waits.</summary>
/// <remarks>Idempotent across restarts: existing instances are not rescheduled, waiting ones get their event (again).</remarks>
public static class CrashChild
{
    /// <summary>Runs the workload until every order completed.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var dataDir = Option(args, "--data-dir") ?? throw new ArgumentException("--data-dir is required");
        var count = int.Parse(Option(args, "--count") ?? "200", CultureInfo.InvariantCulture);
        var pipelined = bool.Parse(Option(args, "--pipelined") ?? "false");
        var services = new ServiceCollection().AddSingleton(new WorkDelay(5, 30)).BuildServiceProvider();
        var registry = new DurableTaskRegistry().AddOrderWorkflow();
        await using var engine = new DurableEngine(registry, new DurableEngineOptions { DataDirectory = dataDir, MaxConcurrentActivities = 4, PipelinedActivityDispatch = pipelined }, services);
        var client = engine.Client;
        engine.InstanceUpdated += (_, e) =>
        {
            if (e.SerializedCustomStatus?.Contains(OrderWorkflow.AwaitingShipment, StringComparison.Ordinal) == true)
            {
                _ = client.RaiseEventAsync(e.InstanceId, OrderWorkflow.ShippedEvent, new Shipment("TRK-" + e.InstanceId));
            }
        };
        await engine.StartAsync(CancellationToken.None);
        Console.WriteLine("started");

        await foreach (var waiting in client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], FetchInputsAndOutputs = true }))
        {
            if (waiting.ReadCustomStatusAs<string>() == OrderWorkflow.AwaitingShipment)
            {
                await client.RaiseEventAsync(waiting.InstanceId, OrderWorkflow.ShippedEvent, new Shipment("TRK-" + waiting.InstanceId));
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
        return 0;
    }

    /// <summary>The order the child schedules for an instance id (the test recomputes it).</summary>
    public static Order OrderFor(string id) => new(id, (int.Parse(id[^4..], CultureInfo.InvariantCulture) % 8) + 1, 2.50m);

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DurableClaims.DurableTask.AzureStorage;
using DurableClaims.DurableTask.Hosting;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>
/// The worker process: Microsoft's worker on the Azure Storage task hub, no client. It tells the coordinator on stdout when an instance waits
/// (<c>W id</c>) and when it finished (<c>D id</c>), answers <c>stats</c> on stdin with its counters since the last ask, and on <c>stop</c>
/// (or stdin closing) stops, releasing its leases, and prints its totals as one JSON line.
/// </summary>
internal static class ScaleOutWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        var hub = new BenchHub(Option(args, "--connection"), Option(args, "--hub"), int.Parse(Option(args, "--poll-ms"), CultureInfo.InvariantCulture));
        var workerId = Option(args, "--worker-id");
        using var probe = new HttpRequestProbe();
        ObservedService? observed = null;
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var warnings = new WarningCounter();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning).AddProvider(warnings);

        // The provider's warnings are counted (stats below), not printed one by one; its errors still reach stderr.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>("DurableTask.AzureStorage", LogLevel.Error);
        builder.Services.AddAzureStorageOrchestrationService(o => hub.Apply(o, workerId));
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(r => ClaimNames.Register(r))
            .UseOrchestrationService(sp => observed = new ObservedService(
                sp.GetRequiredService<AzureStorageOrchestrationService>(), id => Console.WriteLine($"W {id}"), id => Console.WriteLine($"D {id}"))));
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine("ready");
        long steps = 0, activities = 0;
        while (await Console.In.ReadLineAsync() is { } command && command != "stop")
        {
            if (command == "stats")
            {
                // Counters since the previous ask: the coordinator asks right before and right after a measured phase.
                var (s, a) = (observed?.Steps ?? 0, observed?.Activities ?? 0);
                var requests = probe.TakeCounts().ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => new[] { p.Value.Count, Math.Round(p.Value.Seconds * 1000) });
                Console.WriteLine("S " + JsonSerializer.Serialize(new { steps = s - steps, activities = a - activities, requests, warnings = warnings.Take() }));
                (steps, activities) = (s, a);
            }
        }

        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await host.StopAsync(stop.Token);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["workerId"] = workerId,
            ["steps"] = observed?.Steps ?? 0,
            ["activities"] = observed?.Activities ?? 0,
            ["peakRssMb"] = Math.Round(self.PeakWorkingSet64 / 1048576.0, 1),
            ["cpuSeconds"] = Math.Round(self.TotalProcessorTime.TotalSeconds, 2),
        }));
        return 0;
    }

    private static string Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : throw new ArgumentException($"{name} is required.");
    }
}

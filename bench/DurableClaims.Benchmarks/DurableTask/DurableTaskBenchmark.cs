using System.Globalization;
using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>
/// Side by side: Microsoft's executor on our SQLite service and on the in-memory service, on the same claim-shaped
/// workload (throughput, resume latency, step cost, RSS with 5,000 waiting), and on demand on the Azure Storage service over
/// Azurite with 1-3 worker processes. Each stack runs in child processes.
/// </summary>
internal static class DurableTaskBenchmark
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(6);
    private static readonly TimeSpan MemoryTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ScaleOutTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] ScaleOutOptionNames = ["--n", "--resume", "--poll-ms", "--workers"];

    public static async Task<int> RunAsync(string[] args)
    {
        var stacks = Option(args, "--stacks")?.Split(',').Select(StackKinds.Parse).ToList() ?? [StackKind.Sqlite, StackKind.Memory];
        var run = new Dictionary<string, object>
        {
            ["utcStart"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["loadAverageStart"] = LoadAverage(),
            ["machineCores"] = Environment.ProcessorCount,
            ["maxInFlight"] = TaskHubThroughput.MaxInFlight,
        };
        var results = new Dictionary<string, Dictionary<string, JsonElement>>();
        Dictionary<string, JsonElement>? scaleOut = null;
        foreach (var stack in stacks)
        {
            if (stack == StackKind.AzureStorage)
            {
                // Its own coordinator child: Azurite, worker processes, the client; no 5,000-waiting check (minutes on Azurite).
                await Console.Error.WriteLineAsync($"azurestorage: 1-3 worker processes on Azurite (load {LoadAverage()})");
                scaleOut = await ChildProcess.RunAsync(ScaleOutTimeout, ["--stack-only", "azurestorage", .. ScaleOutOptions(args)]);
                continue;
            }

            await Console.Error.WriteLineAsync($"{stack.Name()}: throughput, resume, step cost (load {LoadAverage()})");
            var measured = await ChildProcess.RunAsync(RunTimeout, "--stack-only", stack.Name());
            await Console.Error.WriteLineAsync($"{stack.Name()}: {StackRun.WaitingCount} waiting, alone in a new process");
            var memory = await ChildProcess.RunAsync(MemoryTimeout, "--memory-only", stack.Name());
            measured["rssWith5000WaitingMb"] = memory["rssWith5000WaitingMb"];
            var peak = Math.Max(measured["peakRssMb"].GetDouble(), memory["memoryPeakRssMb"].GetDouble());
            measured["peakRssMb"] = JsonSerializer.SerializeToElement(peak);
            results[stack.Name()] = measured;
        }

        run["utcEnd"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        run["loadAverageEnd"] = LoadAverage();
        if (results.TryGetValue("sqlite", out var sqlite) && results.TryGetValue("memory", out var memoryStack))
        {
            // The durability budget: SQLite should keep at least two thirds of the in-memory ceiling.
            run["sqliteShareOfCeilingN2000"] = Math.Round(sqlite["workflowsPerSecondN2000"].GetDouble() / memoryStack["workflowsPerSecondN2000"].GetDouble(), 2);
        }

        run["stacks"] = results;
        if (results.Count > 0)
        {
            ResultTable.Print(run, results);
        }

        if (scaleOut is not null)
        {
            run["azurestorage"] = scaleOut;
            Console.WriteLine($"{run["machineCores"]} cores, {run["utcStart"]}–{run["utcEnd"]} UTC, load {run["loadAverageStart"]} → {run["loadAverageEnd"]}");
            ScaleOut.ScaleOutTable.Print(scaleOut);
        }

        if (args.Contains("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(run));
        }

        return results.Values.Append(scaleOut).OfType<Dictionary<string, JsonElement>>().All(r => r["completed"].GetInt32() == r["expected"].GetInt32()) ? 0 : 1;
    }

    // The azurestorage stack's own options, passed through to its coordinator.
    private static IEnumerable<string> ScaleOutOptions(string[] args) =>
        ScaleOutOptionNames.Where(name => Option(args, name) is not null).SelectMany(name => new[] { name, Option(args, name)! });

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

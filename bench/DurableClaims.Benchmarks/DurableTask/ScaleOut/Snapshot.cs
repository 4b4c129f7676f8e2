using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>CPU seconds of Azurite, each worker and this process, the machine's CPU ticks, and each worker's counters, at one moment.</summary>
/// <remarks>Taken right before and right after the measured load; the difference says where the two cores went and what each worker did.</remarks>
internal sealed record Snapshot(double Azurite, double[] Workers, double Client, (long Busy, long Total) Machine, JsonElement[] WorkerStats)
{
    public static async Task<Snapshot> TakeAsync(AzuriteProcess azurite, IReadOnlyList<WorkerProcess> workers)
    {
        // Asking for stats resets the workers' counters, so the "after" stats cover exactly the load.
        var stats = await Task.WhenAll(workers.Select(w => w.StatsAsync()));
        using var self = Process.GetCurrentProcess();
        return new Snapshot(
            ProcStat.CpuSeconds(azurite.Pid),
            [.. workers.Select(w => ProcStat.CpuSeconds(w.Pid))],
            self.TotalProcessorTime.TotalSeconds,
            ProcStat.MachineTicks(),
            stats);
    }

    /// <summary>Adds the load's CPU shares, work spread and storage requests per workflow to <paramref name="row"/>.</summary>
    public void Describe(Snapshot before, double seconds, int workflows, AzuriteProcess azurite, Dictionary<int, (long Count, double Seconds)> client, Dictionary<string, object?> row)
    {
        row["cpuCoresAzurite"] = Math.Round((Azurite - before.Azurite) / seconds, 2);
        row["cpuCoresWorkers"] = Math.Round(Workers.Select((w, i) => w - before.Workers[i]).Sum() / seconds, 2);
        row["cpuCoresClient"] = Math.Round((Client - before.Client) / seconds, 2);
        var total = Machine.Total - before.Machine.Total;
        row["machineBusy"] = total == 0 ? null : Math.Round((double)(Machine.Busy - before.Machine.Busy) / total, 2);
        row["activitiesPerWorker"] = WorkerStats.Select(s => s.GetProperty("activities").GetInt64()).ToList();
        row["stepsPerWorker"] = WorkerStats.Select(s => s.GetProperty("steps").GetInt64()).ToList();
        row["providerWarnings"] = WorkerStats.SelectMany(s => s.GetProperty("warnings").EnumerateObject())
            .GroupBy(w => w.Name).ToDictionary(g => g.Key, g => g.Sum(w => w.Value.GetInt64()));

        // Storage requests of all processes during the load, per service: count per workflow and mean client-side latency.
        var byService = new Dictionary<string, (long Count, double Ms)>();
        void Add(int port, long count, double ms)
        {
            var service = azurite.ServiceOf(port);
            var (c, m) = byService.GetValueOrDefault(service);
            byService[service] = (c + count, m + ms);
        }

        foreach (var stats in WorkerStats)
        {
            foreach (var port in stats.GetProperty("requests").EnumerateObject())
            {
                Add(int.Parse(port.Name, CultureInfo.InvariantCulture), port.Value[0].GetInt64(), port.Value[1].GetDouble());
            }
        }

        foreach (var (port, (count, requestSeconds)) in client)
        {
            Add(port, count, requestSeconds * 1000);
        }

        row["requestsPerWorkflow"] = byService.ToDictionary(s => s.Key, s => Math.Round((double)s.Value.Count / workflows, 1));
        row["requestMsMean"] = byService.ToDictionary(s => s.Key, s => s.Value.Count == 0 ? 0 : Math.Round(s.Value.Ms / s.Value.Count, 1));
        row["requestsPerSecond"] = Math.Round(byService.Values.Sum(s => s.Count) / seconds, 0);
    }
}

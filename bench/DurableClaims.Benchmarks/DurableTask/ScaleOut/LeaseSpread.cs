using System.Diagnostics;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>Reads who owns each control-queue partition from the hub's lease blobs, and waits until every worker owns its share.</summary>
/// <remarks>
/// DurableTask.AzureStorage 2.11 balances partitions through the table <c>{hub}Partitions</c> (one row per control queue, its
/// <c>CurrentOwner</c> the worker's WorkerId): the state the workers balance against, read here without asking them.
/// </remarks>
internal static class LeaseSpread
{
    /// <summary>Owner → partitions owned, from the hub's partition table.</summary>
    public static async Task<Dictionary<string, int>> OwnersAsync(BenchHub hub)
    {
        var table = new TableClient(hub.ConnectionString, hub.Name + "Partitions");
        var owners = new Dictionary<string, int>();
        try
        {
            await foreach (var lease in table.QueryAsync<TableEntity>(select: ["CurrentOwner"]))
            {
                if (lease.GetString("CurrentOwner") is { Length: > 0 } owner)
                {
                    owners[owner] = owners.GetValueOrDefault(owner) + 1;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not created yet: the first worker creates it when it starts.
        }

        return owners;
    }

    /// <summary>Waits until all partitions are owned, each worker owns at least one and no worker owns two more than another; returns the seconds it took.</summary>
    public static async Task<double> WaitSpreadAsync(BenchHub hub, IReadOnlyCollection<string> workers, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var owners = await OwnersAsync(hub);
            var counts = workers.Select(w => owners.GetValueOrDefault(w)).ToList();
            if (counts.Sum() == BenchHub.Partitions && counts.Min() >= 1 && counts.Max() - counts.Min() <= 1)
            {
                return clock.Elapsed.TotalSeconds;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Leases not spread after {timeout.TotalSeconds:0} s: {JsonSerializer.Serialize(owners)}.");
            }

            await Task.Delay(250);
        }
    }
}

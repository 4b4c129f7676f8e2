using DurableClaims.Api;
using Xunit.Abstractions;

namespace DurableClaims.ScaleOut.Tests.Infrastructure;

/// <summary>Waits until every claim reaches a state, asking whichever host is alive; on time-out it says where each claim is and what the hosts logged last.</summary>
internal static class ClaimWaits
{
    // Asks whichever host is alive; a host that dies mid-question is simply not asked again.
    public static async Task<List<ClaimStatusView>> UntilAsync(
        ScaleOutCluster cluster, List<string> ids, Func<ClaimStatusView, bool> done, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var reached = new Dictionary<string, ClaimStatusView>(StringComparer.Ordinal);
        var last = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reached.Count < ids.Count)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                var counts = string.Join(", ", last.GroupBy(kv => kv.Value).Select(g => $"{g.Key}: {g.Count()} ({string.Join(' ', g.Take(5).Select(kv => kv.Key))})"));
                var logs = string.Join("\n", cluster.Hosts.Select(h => $"--- {h.Name} ---\n{Tail(h.Output)}"));
                throw new TimeoutException($"{reached.Count}/{ids.Count} claims got there; the others: {counts}\n{logs}");
            }

            foreach (var id in ids.Where(id => !reached.ContainsKey(id)))
            {
                var status = await ClaimTraffic.StatusAsync(cluster.Live.First().Http, id);
                last[id] = status is null ? "unknown" : $"{status.Status}/{status.Phase}/{status.RuntimeStatus}";
                if (status is not null && done(status))
                {
                    reached[id] = status;
                    last.Remove(id);
                }
            }

            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {reached.Count}/{ids.Count}");
            if (reached.Count < ids.Count)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        }

        return [.. ids.Select(id => reached[id])];
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(60));
}

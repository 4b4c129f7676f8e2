using DurableClaims.Contracts;
using DurableClaims.ScaleOut.Tests.Infrastructure;
using DurableClaims.Testing;
using Xunit.Abstractions;

namespace DurableClaims.ScaleOut.Tests;

/// <summary>Three host processes on one Azure Storage task hub (Azurite): claims in through every host, one host killed mid-run, one started later.</summary>
public sealed class ScaleOutTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int ClaimCount = 100;
    private const int Parallelism = 8;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Load")]
    public async Task HundredClaims_ThreeHostsOneKilledOneAddedLater_ShouldEachEndOnceAndSpreadTheWork()
    {
        using var budget = new CancellationTokenSource(Deadline);
        await using var cluster = new ScaleOutCluster(azurite);
        await cluster.StartAsync("host-a", "host-b", "host-c");
        var ids = Enumerable.Range(0, ClaimCount).Select(i => $"CLM-SCALE-{i:D3}").ToList();

        // Claims enter through all three hosts; each pauses for its receipts.
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), Options(budget.Token), async (claim, _) =>
            await ClaimTraffic.StartAsync(cluster.Hosts[claim.i % 3].Http, claim.id));
        await UntilAsync(cluster, ids, s => s.Status == ClaimStatusCodes.Paused, budget.Token);

        // Receipts arrive through the hosts' documents route and as blob uploads; host C dies with SIGKILL half way, host D joins later.
        var delivered = 0;
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (i == ClaimCount / 2)
            {
                cluster.Hosts[2].Kill();
            }

            if (i == ClaimCount * 3 / 4)
            {
                await cluster.StartAsync("host-d");
            }

            if (i % 3 == 2)
            {
                await ClaimTraffic.DeliverAsBlobAsync(cluster.Documents, id);
            }
            else
            {
                var live = cluster.Live.ToList();
                await ClaimTraffic.DeliverOverHttpAsync(live[delivered++ % live.Count].Http, id);
            }
        }

        var finals = await UntilAsync(cluster, ids, s => ClaimStatusCodes.IsTerminal(s.Status), budget.Token);

        Assert.All(finals, s => Assert.True(s.Status == ClaimStatusCodes.Approved, $"{s.ClaimId} ended {s.Status} ({s.Reason}): {s.Detail}"));
        var auditor = cluster.Live.First().Http;
        foreach (var id in ids)
        {
            var events = await ClaimTraffic.EventsAsync(auditor, id);
            Assert.Single(events, e => e.Type == ClaimEventTypes.Resume);
            Assert.Single(events, e => e.Type == ClaimEventTypes.Complete);

            // Message ids come from the claim, the step and the position: a step recorded twice would repeat its ids.
            var history = await ClaimTraffic.HistoryAsync(auditor, id);
            Assert.Equal(history.Count, history.Select(m => m.Id).Distinct().Count());
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            Assert.Equal("handoff_package.md", (await ClaimTraffic.PackageAsync(auditor, id))?.PackageFileName);
        }

        var work = cluster.Hosts.ToDictionary(h => h.Name, h => (Rounds: h.CountLines(" round "), Ended: h.CountLines(" ended ")));
        foreach (var (name, (rounds, ended)) in work)
        {
            output.WriteLine($"{name}: {rounds} analysis rounds, {ended} claims ended");
        }

        Assert.All(cluster.Hosts, h => Assert.True(work[h.Name].Rounds + work[h.Name].Ended > 0, $"{h.Name} ran no claim step:\n{h.Output}"));
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    // Asks whichever host is alive; a host that dies mid-question is simply not asked again.
    private async Task<List<Api.ClaimStatusView>> UntilAsync(
        ScaleOutCluster cluster, List<string> ids, Func<Api.ClaimStatusView, bool> done, CancellationToken cancellationToken)
    {
        var reached = new Dictionary<string, Api.ClaimStatusView>(StringComparer.Ordinal);
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

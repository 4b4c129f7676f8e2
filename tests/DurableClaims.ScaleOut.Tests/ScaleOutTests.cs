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
        // Visibility long enough that a busy host on two shared cores never loses a message it holds (PopReceiptMismatch at 15 s).
        await using var cluster = new ScaleOutCluster(azurite, TimeSpan.FromSeconds(45));
        await cluster.StartAsync("host-a", "host-b", "host-c");
        var ids = Enumerable.Range(0, ClaimCount).Select(i => $"CLM-SCALE-{i:D3}").ToList();

        // Claims enter through all three hosts; each pauses for its receipts.
        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), Options(budget.Token), async (claim, _) =>
            await ClaimTraffic.StartAsync(cluster.Hosts[claim.i % 3].Http, claim.id));
        await ClaimWaits.UntilAsync(cluster, ids, s => s.Status == ClaimStatusCodes.Paused, output, budget.Token);

        // Receipts arrive through the hosts' documents route and as blob uploads; host C dies with SIGKILL half way, host D joins later.
        var delivered = 0;
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            if (i == ClaimCount / 2)
            {
                // Uploads of the last few claims may be mid-way through a listener of host C: its taken receipts are taken over.
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

        var finals = await ClaimWaits.UntilAsync(cluster, ids, s => ClaimStatusCodes.IsTerminal(s.Status), output, budget.Token);

        Assert.All(finals, s => Assert.True(s.Status == ClaimStatusCodes.Approved, $"{s.ClaimId} ended {s.Status} ({s.Reason}): {s.Detail}"));
        var auditor = cluster.Live.First().Http;
        foreach (var id in ids)
        {
            await ClaimAudit.AssertAppliedOnceAsync(auditor, id);
        }

        output.WriteLine($"uploads taken over from a dead listener: {cluster.Hosts.Sum(h => h.CountLines("did not finish within"))}");
        var work = cluster.Hosts.ToDictionary(h => h.Name, h => (Rounds: h.CountLines(" round "), Ended: h.CountLines(" ended ")));
        foreach (var (name, (rounds, ended)) in work)
        {
            output.WriteLine($"{name}: {rounds} analysis rounds, {ended} claims ended");
        }

        Assert.All(cluster.Hosts, h => Assert.True(work[h.Name].Rounds + work[h.Name].Ended > 0, $"{h.Name} ran no claim step:\n{h.Output}"));
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}

using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.ScaleOut.Tests.Infrastructure;
using DurableClaims.Testing;
using Xunit.Abstractions;

namespace DurableClaims.ScaleOut.Tests;

/// <summary>One host on the Azure Storage task hub (Azurite), killed with SIGKILL again and again while its claims run.</summary>
public sealed class CrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int ClaimCount = 40;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Load")]
    public async Task FortyClaims_HostKilledThreeTimesMidRun_ShouldEachEndOnce()
    {
        using var budget = new CancellationTokenSource(Deadline);
        await using var cluster = new ScaleOutCluster(azurite, TimeSpan.FromSeconds(20));
        await cluster.StartAsync("life-1");
        var ids = Enumerable.Range(0, ClaimCount).Select(i => $"CLM-CRASH-{i:D3}").ToList();

        await Parallel.ForEachAsync(ids, Options(budget.Token), async (id, _) => await ClaimTraffic.StartAsync(Live(cluster), id));
        await KillAndRestartAsync(cluster, "life-2", TimeSpan.FromSeconds(2));
        await ClaimWaits.UntilAsync(cluster, ids, s => s.Status == ClaimStatusCodes.Paused, output, budget.Token);

        await Parallel.ForEachAsync(ids, Options(budget.Token), async (id, _) => await ClaimTraffic.DeliverOverHttpAsync(Live(cluster), id));
        await KillAndRestartAsync(cluster, "life-3", TimeSpan.FromSeconds(1));
        await KillAndRestartAsync(cluster, "life-4", TimeSpan.FromSeconds(4));
        var finals = await ClaimWaits.UntilAsync(cluster, ids, s => ClaimStatusCodes.IsTerminal(s.Status), output, budget.Token);

        Assert.All(finals, s => Assert.True(s.Status == ClaimStatusCodes.Approved, $"{s.ClaimId} ended {s.Status} ({s.Reason}): {s.Detail}"));
        foreach (var id in ids)
        {
            await ClaimAudit.AssertAppliedOnceAsync(Live(cluster), id);
        }

        foreach (var host in cluster.Hosts)
        {
            output.WriteLine($"{host.Name}: {host.CountLines(" round ")} analysis rounds, {host.CountLines(" ended ")} claims ended");
        }
    }

    private static HttpClient Live(ScaleOutCluster cluster) => cluster.Live.First().Http;

    private static async Task KillAndRestartAsync(ScaleOutCluster cluster, string next, TimeSpan after)
    {
        await Task.Delay(after);
        cluster.Live.Single().Kill();
        await cluster.StartAsync(next);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken };
}

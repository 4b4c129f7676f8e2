using DurableClaims.Contracts;
using DurableClaims.Sessions;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Sessions;

public sealed class ClaimStatisticsServiceTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("stats");
    private readonly FolderSessionStore _store;

    public ClaimStatisticsServiceTests() => _store = FolderSessionStore.InDataDirectory(_folder.Path);

    private Task<string> Save(string id, string status, int rounds, double pausedSeconds = 0, int pauses = 0, DateTimeOffset? pausedAt = null)
        => _store.SaveAsync(new SessionMetadata { ClaimId = id, Status = status, Rounds = rounds, PausedSeconds = pausedSeconds, Pauses = pauses, PausedAt = pausedAt, CreatedAt = T0, UpdatedAt = T0 }, null, []);

    [Fact]
    public async Task GetAsync_MixedSessions_ShouldCountRateRoundsAndPauses()
    {
        await Save("CLM-1", ClaimStatusCodes.Approved, 1, pausedSeconds: 3600, pauses: 1);
        await Save("CLM-2", ClaimStatusCodes.Denied, 3);
        await Save("CLM-3", ClaimStatusCodes.Approved, 2);
        await Save("CLM-4", ClaimStatusCodes.Timeout, 2, pausedSeconds: 7200, pauses: 2);
        await Save("CLM-5", ClaimStatusCodes.Paused, 0, pauses: 1, pausedAt: TestClaims.Clock().GetUtcNow().AddHours(-3));
        await _store.ArchiveAsync("CLM-1");

        var stats = await new ClaimStatisticsService(_store, TestClaims.Clock()).GetAsync();

        Assert.Equal((5, 4, 0.5, 2.0), (stats.Total, stats.Completed, stats.SuccessRate, stats.AverageRounds));
        Assert.Equal((2, 1, 1), (stats.ByStatus[ClaimStatusCodes.Approved], stats.ByStatus[ClaimStatusCodes.Paused], stats.ByStatus[ClaimStatusCodes.Timeout]));
        Assert.Equal((3, 7200.0), (stats.PausedClaims, stats.AveragePausedSeconds));
    }

    [Fact]
    public async Task GetAsync_ClaimsOfSeveralTypes_ShouldCountEachType()
    {
        foreach (var (id, type) in new[] { ("CLM-A1", "auto"), ("CLM-A2", "auto"), ("CLM-T1", "travel"), ("CLM-H1", "home") })
        {
            await _store.SaveAsync(new SessionMetadata { ClaimId = id, Status = ClaimStatusCodes.Running, ClaimType = type, CreatedAt = T0, UpdatedAt = T0 }, null, []);
        }

        var stats = await new ClaimStatisticsService(_store, TestClaims.Clock()).GetAsync();

        Assert.Equal(new Dictionary<string, int> { ["auto"] = 2, ["home"] = 1, ["travel"] = 1 }, stats.ByClaimType);
    }

    [Fact]
    public async Task GetAsync_NoSessions_ShouldReturnZeros()
    {
        var stats = await new ClaimStatisticsService(_store, TestClaims.Clock()).GetAsync();

        Assert.Equal((0, 0.0, 0.0), (stats.Total, stats.SuccessRate, stats.AverageRounds));
    }

    public void Dispose() => _folder.Dispose();
}

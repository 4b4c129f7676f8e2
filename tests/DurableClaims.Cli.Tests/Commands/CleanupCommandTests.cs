using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class CleanupCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-cleanup");

    private string DataDirectory => _temp.Combine("data");

    [Fact]
    public async Task Cleanup_OlderThanZero_ShouldRemoveTheFinishedClaimAndKeepThePausedOne()
    {
        await ProcessAsync(Samples.Approve, Samples.Deny);

        var result = await CliProcess.RunAsync(["cleanup", "--older-than", "0s", "--json", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal((1, 1), (json.RootElement.GetProperty("sessionsRemoved").GetInt32(), json.RootElement.GetProperty("instancesPurged").GetInt32()));
        Assert.Equal(2, (await CliProcess.RunAsync(["status", Samples.Deny, "--data-dir", DataDirectory])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["status", Samples.Approve, "--data-dir", DataDirectory])).ExitCode);
    }

    [Fact]
    public async Task Cleanup_OlderThan30Days_ShouldKeepTodaysClaims()
    {
        await ProcessAsync(Samples.Deny);

        var result = await CliProcess.RunAsync(["cleanup", "--older-than", "30d", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Removed 0 session(s) and purged 0 instance(s)", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliProcess.RunAsync(["status", Samples.Deny, "--data-dir", DataDirectory])).ExitCode);
    }

    [Fact]
    public async Task Cleanup_WithoutOlderThan_ShouldExitTwo()
    {
        var result = await CliProcess.RunAsync(["cleanup", "--data-dir", DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--older-than", result.Stderr, StringComparison.Ordinal);
    }

    private async Task ProcessAsync(params string[] claimIds)
    {
        foreach (var claimId in claimIds)
        {
            var result = await CliProcess.RunAsync(["process", Samples.Get(claimId).File, "--data-dir", DataDirectory]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    public void Dispose() => _temp.Dispose();
}

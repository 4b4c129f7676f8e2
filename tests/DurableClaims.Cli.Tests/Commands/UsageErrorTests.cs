using DurableClaims.Cli.Tests.Infrastructure;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class UsageErrorTests
{
    [Fact]
    public async Task Run_UnknownCommand_ShouldExitTwoWithTheErrorOnStderr()
    {
        var result = await CliProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Resume_WithoutDocumentsOption_ShouldExitTwoNamingTheOption()
    {
        var result = await CliProcess.RunAsync(["resume", "CLM-1"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--documents", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ServerIsNotAnHttpUrl_ShouldExitTwo()
    {
        var result = await CliProcess.RunAsync(["status", "CLM-1", "--server", "ftp://example"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--server", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Root_ShouldListEveryCommand()
    {
        var result = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "process", "resume", "list-sessions", "status", "history", "stats", "cleanup", "serve", "version" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }
    }
}

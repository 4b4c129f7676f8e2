using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The CLI against a running host: commands with --server.</summary>
public sealed class ServerModeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private string Server => fixture.Server.Url.ToString();

    [Fact]
    public async Task ProcessThenResume_WithServer_ShouldPauseThenApprove()
    {
        var sample = Samples.Get(Samples.Approve);

        var processed = await CliProcess.RunAsync(["process", sample.File, "--server", Server, "--json"]);
        var resumed = await CliProcess.RunAsync(["resume", sample.ClaimId, "-d", sample.DocumentsFolder, "-o", fixture.Combine("out"), "--server", Server, "--json"]);

        Assert.True(processed.ExitCode == 0 && resumed.ExitCode == 0, processed + "\n" + resumed);
        using var paused = JsonDocument.Parse(processed.Stdout);
        using var approved = JsonDocument.Parse(resumed.Stdout);
        Assert.Equal("paused", paused.RootElement.GetProperty("status").GetString());
        Assert.Equal("approved", approved.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(fixture.Combine("out", "handoff_package.md")));
    }

    [Fact]
    public async Task Process_WithDocumentsOverServer_ShouldSendTheirContentWithTheClaim()
    {
        // The stall sample's repair estimate contradicts the claimed amount: only its content makes the claim stall.
        var sample = Samples.Get(Samples.Stall);

        var result = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--server", Server, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal((sample.ExpectedStatus, sample.ExpectedReason), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Status_WithServer_ShouldPrintTheObjectTheHttpApiReturns()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "--server", Server])).ExitCode);
        using var http = new HttpClient { BaseAddress = fixture.Server.Url };
        using var api = JsonDocument.Parse(await http.GetStringAsync(new Uri($"/api/claims/{sample.ClaimId}", UriKind.Relative)));

        var result = await CliProcess.RunAsync(["status", sample.ClaimId, "--server", Server, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var cli = JsonDocument.Parse(result.Stdout);
        Assert.Equal(
            api.RootElement.EnumerateObject().Select(p => p.Name),
            cli.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(api.RootElement.GetProperty("decision").GetProperty("payableAmount").GetDecimal(), cli.RootElement.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
    }

    [Fact]
    public async Task Status_UnknownClaimWithServer_ShouldExitTwo()
    {
        var result = await CliProcess.RunAsync(["status", "CLM-UNKNOWN", "--server", Server]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CLM-UNKNOWN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DataDirectoryHeldByServe_ShouldExitOneSayingItIsInUse()
    {
        var result = await CliProcess.RunAsync(["process", Samples.Get(Samples.Deny).File, "--data-dir", fixture.DataDirectory]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("in use", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NoServerListening_ShouldExitOneSayingItCannotReachIt()
    {
        var nobody = $"http://127.0.0.1:{ServerProcess.FreePort()}";

        var result = await CliProcess.RunAsync(["status", "CLM-1", "--server", nobody]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot reach the server", result.Stderr, StringComparison.Ordinal);
    }
}

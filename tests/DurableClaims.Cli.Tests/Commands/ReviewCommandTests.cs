using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-review");

    private string DataDirectory => _temp.Combine("data");

    [Fact]
    public async Task Review_DenyAClaimAwaitingReview_ShouldEndDeniedByTheAdjuster()
    {
        var sample = Samples.Get("CLM-SAMPLE-REVIEW");
        var processed = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--json", "--data-dir", DataDirectory]);
        Assert.True(processed.ExitCode == 0, processed.ToString());
        Assert.Contains("\"awaiting_review\"", processed.Stdout, StringComparison.Ordinal);

        var result = await CliProcess.RunAsync(
            ["review", sample.ClaimId, "--decision", "deny", "--adjuster", "Jordan Reyes", "--notes", "Receipts missing.", "-o", _temp.Combine("out"), "--json", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("denied", "adjuster_denied"), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("reason").GetString()));
        Assert.Equal("Jordan Reyes", json.RootElement.GetProperty("decision").GetProperty("adjuster").GetString());
        Assert.True(File.Exists(_temp.Combine("out", "denial_package.md")));
    }

    [Fact]
    public async Task Review_ClaimWaitingForDocuments_ShouldExitTwoSayingItCannotBeDecidedNow()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["process", Samples.Get(Samples.Approve).File, "--data-dir", DataDirectory])).ExitCode);

        var result = await CliProcess.RunAsync(["review", Samples.Approve, "--decision", "approve", "--adjuster", "Jordan Reyes", "--data-dir", DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be decided now (it waits for documents", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_VerboseJson_ShouldKeepLogsOnStderrAndJsonOnStdout()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["process", Samples.Get(Samples.Deny).File, "--data-dir", DataDirectory])).ExitCode);

        var result = await CliProcess.RunAsync(["status", Samples.Deny, "--json", "--verbose", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("denied", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("Embedded engine started", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}

using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The adjuster's next steps on the embedded engine: review with an amount, reopen, close, note and archive.</summary>
public sealed class AdjusterCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-adjuster");

    private string DataDirectory => _temp.Combine("data");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Process_StalledClaim_ShouldStopOpenWaitingForAnAdjuster()
    {
        using var stalled = await ProcessStalledAsync();

        Assert.Equal(("stalled", "adjuster", "Running"), (Text(stalled, "status"), Text(stalled, "awaiting"), Text(stalled, "runtimeStatus")));
    }

    [Fact]
    public async Task Status_StalledClaim_ShouldShowTheAdjustersActionsAndTheirCommands()
    {
        (await ProcessStalledAsync()).Dispose();

        var result = await RunAsync("status", Samples.Stall);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("waiting for an adjuster: decide, reopen, close", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"durableclaims close {Samples.Stall} --adjuster <name>", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_StalledClaim_ShouldEndItStalled()
    {
        (await ProcessStalledAsync()).Dispose();

        var result = await RunAsync("close", Samples.Stall, "--adjuster", "Jordan Reyes", "--notes", "Estimate and claim cannot be reconciled.", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("stalled", "Completed", null), (Text(json, "status"), Text(json, "runtimeStatus"), Text(json, "awaiting")));
    }

    [Fact]
    public async Task Review_StalledClaimWithAmount_ShouldApproveWithThatAmount()
    {
        (await ProcessStalledAsync()).Dispose();

        var result = await RunAsync("review", Samples.Stall, "--decision", "approve", "--adjuster", "Jordan Reyes", "--amount", "1000", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("approved", "adjuster_approved"), (Text(json, "status"), Text(json, "reason")));
        Assert.Equal(1000m, json.RootElement.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
    }

    [Fact]
    public async Task Retry_StalledClaim_ShouldExitTwoListingTheCommandsItTakes()
    {
        (await ProcessStalledAsync()).Dispose();

        var result = await RunAsync("retry", Samples.Stall, "--adjuster", "Jordan Reyes");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot be retried now", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"durableclaims reopen {Samples.Stall} --adjuster <name>", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_TimedOutClaim_ShouldWaitForDocumentsAgain()
    {
        // The CLI runs on the wall clock: a short document deadline lets the claim time out during the test.
        var environment = new Dictionary<string, string> { ["Claims__DocumentDeadline"] = "00:00:04", ["Claims__ReminderInterval"] = "00:00:01" };
        var sample = Samples.Get("CLM-SAMPLE-NODOCS");
        Assert.Equal(0, (await RunAsync(environment, "process", sample.File)).ExitCode);
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var timedOut = await RunAsync(environment, "status", sample.ClaimId, "--wait", "--json");
        Assert.True(timedOut.ExitCode == 0, timedOut.ToString());
        using (var json = JsonDocument.Parse(timedOut.Stdout))
        {
            Assert.Equal(("timeout", "adjuster"), (Text(json, "status"), Text(json, "awaiting")));
        }

        var result = await RunAsync(environment, "reopen", sample.ClaimId, "--adjuster", "Jordan Reyes", "--notes", "Please send the receipts.", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var reopened = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("paused", "awaiting_documents", "documents"), (Text(reopened, "status"), Text(reopened, "reason"), Text(reopened, "awaiting")));
        Assert.NotEmpty(reopened.RootElement.GetProperty("missingDocuments").EnumerateArray());
    }

    [Fact]
    public async Task Reopen_UnknownDocumentType_ShouldExitTwoNamingIt()
    {
        (await ProcessStalledAsync()).Dispose();

        var result = await RunAsync("reopen", Samples.Stall, "--adjuster", "Jordan Reyes", "--documents", "police_report,holiday_photos");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'holiday_photos'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithoutAdjuster_ShouldExitTwoSayingItIsRequired()
    {
        var result = await RunAsync("close", Samples.Stall);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--adjuster", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_FinishedClaim_ShouldShowInItsEvents()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await RunAsync("process", sample.File, "-d", sample.DocumentsFolder)).ExitCode);

        var result = await RunAsync("note", sample.ClaimId, "--author", "Jordan Reyes", "--text", "Customer called about the letter.");
        var events = await RunAsync("history", sample.ClaimId, "--events", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(events.Stdout);
        var note = Assert.Single(json.RootElement.EnumerateArray(), e => e.GetProperty("type").GetString() == "note");
        Assert.Equal("Customer called about the letter.", note.GetProperty("data").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Archive_FinishedClaim_ShouldSucceed()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await RunAsync("process", sample.File, "-d", sample.DocumentsFolder)).ExitCode);

        var result = await RunAsync("archive", sample.ClaimId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(sample.ClaimId, Text(json, "claimId"));
    }

    [Fact]
    public async Task Archive_OpenClaim_ShouldExitTwoSayingItIsStillOpen()
    {
        Assert.Equal(0, (await RunAsync("process", Samples.Get(Samples.Approve).File)).ExitCode);

        var result = await RunAsync("archive", Samples.Approve);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is still open", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_ClaimWaitingForDocuments_ShouldRemindTheCustomerAndKeepItWaiting()
    {
        var sample = Samples.Get("CLM-SAMPLE-NODOCS");
        Assert.Equal(0, (await RunAsync("process", sample.File)).ExitCode);

        var result = await RunAsync("remind", sample.ClaimId, "--adjuster", "Jordan Reyes", "--notes", "The estimate is all we need.", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("paused", "documents", 1), (Text(json, "status"), Text(json, "awaiting"), json.RootElement.GetProperty("reminders").GetInt32()));
    }

    private async Task<JsonDocument> ProcessStalledAsync()
    {
        var sample = Samples.Get(Samples.Stall);
        var result = await RunAsync("process", sample.File, "-d", sample.DocumentsFolder, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", DataDirectory]);

    private Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
        => CliProcess.RunAsync([.. args, "--data-dir", DataDirectory], environment);

    private static string? Text(JsonDocument json, string property)
        => json.RootElement.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

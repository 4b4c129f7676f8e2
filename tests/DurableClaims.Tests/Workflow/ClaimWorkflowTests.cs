using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Workflow;

/// <summary>Whole claims through the real engine (SQLite in a temp folder, every step replayed, fake clock): documents and pauses.</summary>
public sealed partial class ClaimWorkflowTests : IDisposable
{
    private static readonly string[] ThreeMissing = ["vehicle_damage_photos", "insurance_exchange_form", "repair_estimate"];
    private readonly TempDirectory _data = new("workflow");

    public void Dispose() => _data.Dispose();

    private Task<WorkflowHost> StartHostAsync(IDictionary<string, string?>? settings = null, Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService? model = null)
        => WorkflowHost.StartAsync(_data.Path, settings, model);

    /// <summary>The seed's behaviour: stalled, timed-out and errored claims close at once instead of waiting for an adjuster.</summary>
    private static Dictionary<string, string?> SeedAutoClose() => new() { ["Claims:AutoCloseAfter"] = "00:00:00" };

    private string ArchivePath(string claimId, string file) => _data.Combine("sessions-archive", claimId, file);

    [Fact]
    public async Task Claim_DocumentsArriveAfterPause_ShouldResumeApproveAndArchive()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-APPROVE", documents: ["police_report"]));
        var paused = await host.WaitForPauseAsync("CLM-W-APPROVE");

        await host.DeliverAsync("CLM-W-APPROVE", ThreeMissing);

        var outcome = await host.WaitForOutcomeAsync("CLM-W-APPROVE");
        Assert.Equal(ThreeMissing, paused.MissingDocuments);
        Assert.Equal((ClaimStatusCodes.Approved, ClaimReasons.Covered, "handoff_package.md", 3750m), (outcome.Status, outcome.Reason, outcome.PackageFileName, outcome.Decision!.PayableAmount));
        Assert.Contains("**3,750.00 USD**", outcome.PackageMarkdown, StringComparison.Ordinal);
        Assert.All(["session.json", "context.json", "history.jsonl.gz", "events.jsonl"], f => Assert.True(File.Exists(ArchivePath("CLM-W-APPROVE", f)), f));
        Assert.False(Directory.Exists(_data.Combine("sessions", "CLM-W-APPROVE")));
    }

    [Fact]
    public async Task Claim_DocumentsArriveAfterPause_ShouldRecordReceiptAndLifecycleEvents()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-EVENTS", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-W-EVENTS");
        await host.DeliverAsync("CLM-W-EVENTS", ThreeMissing);
        await host.WaitForOutcomeAsync("CLM-W-EVENTS");

        var history = await host.Sessions.GetHistoryAsync("CLM-W-EVENTS");
        var events = await host.Sessions.GetEventsAsync("CLM-W-EVENTS");

        Assert.Contains(history, m => m.Role == "system" && m.Content.StartsWith("Received vehicle_damage_photos", StringComparison.Ordinal));
        Assert.Equal(
            [ClaimEventTypes.Start, ClaimEventTypes.Pause, ClaimEventTypes.Resume, ClaimEventTypes.Round, ClaimEventTypes.Complete],
            events.Where(e => e.Type != ClaimEventTypes.ToolCall).Select(e => e.Type));
        Assert.Contains(events, e => e.Type == ClaimEventTypes.ToolCall);
        Assert.Equal(history.Count, history.Select(m => m.Id).Distinct().Count());
    }

    [Fact]
    public async Task Claim_PartialDelivery_ShouldStayPausedWithTheRemainder()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-PARTIAL", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-W-PARTIAL");

        await host.DeliverAsync("CLM-W-PARTIAL", "repair_estimate");
        var progress = await host.WaitForAsync("CLM-W-PARTIAL", p => p.MissingDocuments.Count == 2);

        Assert.Equal((ClaimStatusCodes.Paused, ClaimAwaiting.Documents), (progress.Status, progress.Awaiting));
        Assert.Equal(["vehicle_damage_photos", "insurance_exchange_form"], progress.MissingDocuments);
        await host.DeliverAsync("CLM-W-PARTIAL", "vehicle_damage_photos", "insurance_exchange_form");
        Assert.Equal(ClaimStatusCodes.Approved, (await host.WaitForOutcomeAsync("CLM-W-PARTIAL")).Status);
    }

    [Fact]
    public async Task Claim_MalformedDocumentsPayload_ShouldStayPausedAndResumeOnTheNextDelivery()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-BADPAYLOAD", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-W-BADPAYLOAD");
        using var malformed = System.Text.Json.JsonDocument.Parse("""{"documents":"not a list"}""");

        await host.Client.RaiseEventAsync("CLM-W-BADPAYLOAD", ClaimWorkflow.Events.DocumentsReceived, malformed.RootElement.Clone());
        await host.DeliverAsync("CLM-W-BADPAYLOAD", "repair_estimate", "vehicle_damage_photos", "insurance_exchange_form");

        Assert.Equal(ClaimStatusCodes.Approved, (await host.WaitForOutcomeAsync("CLM-W-BADPAYLOAD")).Status);
    }

    [Fact]
    public async Task Claim_DocumentsNamedButNeverStored_ShouldPauseWithEveryOneMissing()
    {
        await using var host = await StartHostAsync();
        var claim = TestClaims.Auto("CLM-W-NAMES", documents: TestClaims.AutoDocuments);

        // Scheduled directly: the names reach the orchestrator without any file behind them.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(ClaimWorkflow.OrchestratorName, claim, new Microsoft.DurableTask.StartOrchestrationOptions { InstanceId = claim.ClaimId });
        var paused = await host.WaitForPauseAsync("CLM-W-NAMES");

        Assert.Equal(TestClaims.AutoDocuments.Order(StringComparer.Ordinal), paused.MissingDocuments.Order(StringComparer.Ordinal));
        Assert.Empty(paused.ReceivedDocuments);
    }

    [Fact]
    public async Task Claim_DuplicateDelivery_ShouldChangeNothing()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-DUP", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-W-DUP");
        await host.DeliverAsync("CLM-W-DUP", "repair_estimate");
        await host.WaitForAsync("CLM-W-DUP", p => p.MissingDocuments.Count == 2);

        await host.DeliverAsync("CLM-W-DUP", "repair_estimate");
        await host.DeliverAsync("CLM-W-DUP", "police_report");
        await host.DeliverAsync("CLM-W-DUP", "vehicle_damage_photos");
        var progress = await host.WaitForIdleAsync("CLM-W-DUP", p => p.MissingDocuments.Count == 1);

        var receipts = (await host.Sessions.GetEventsAsync("CLM-W-DUP")).Count(e => e.Type == ClaimEventTypes.DocumentsReceived);
        Assert.Equal(2, receipts);
        Assert.Equal(["police_report", "repair_estimate", "vehicle_damage_photos"], progress.ReceivedDocuments);
    }

    [Fact]
    public async Task Claim_DocumentDeadlinePasses_ShouldRemindThenTimeOut()
    {
        await using var host = await StartHostAsync(SeedAutoClose());
        var submitted = DateTimeOffset.UtcNow;
        await host.SubmitAsync(TestClaims.Auto("CLM-W-DEADLINE"));
        var paused = await host.WaitForPauseAsync("CLM-W-DEADLINE");

        host.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var reminded = await host.WaitForPauseAsync("CLM-W-DEADLINE", reminders: 1);
        host.Advance(TimeSpan.FromDays(13));
        var outcome = await host.WaitForOutcomeAsync("CLM-W-DEADLINE");

        Assert.InRange(paused.DocumentDeadline!.Value - submitted, TimeSpan.FromDays(14), TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, reminded.Reminders);
        Assert.Equal((ClaimStatusCodes.Timeout, ClaimReasons.DocumentsNotReceived, null), (outcome.Status, outcome.Reason, outcome.PackageFileName));
        Assert.Contains(await host.Sessions.GetEventsAsync("CLM-W-DEADLINE"), e => e.Type == ClaimEventTypes.Timeout);
    }

    [Fact]
    public async Task Claim_MissingDocumentsWithHitlOff_ShouldBeDeniedWithALetter()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["ORCHESTRATION_ENABLE_HITL"] = "false" });
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HITLOFF", documents: ["police_report"]));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-HITLOFF");

        Assert.Equal((ClaimStatusCodes.Denied, ClaimReasons.MissingDocuments, "denial_package.md"), (outcome.Status, outcome.Reason, outcome.PackageFileName));
        Assert.Contains("| documents.required: Every required document must be on file. | failed |", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_EngineRestartsWhilePaused_ShouldResumeOnTheNewEngine()
    {
        await using (var first = await StartHostAsync())
        {
            await first.SubmitAsync(TestClaims.Auto("CLM-W-RESTART", documents: ["police_report"]));
            await first.WaitForPauseAsync("CLM-W-RESTART");
        }

        await using var second = await StartHostAsync();
        var stillPaused = await second.WaitForPauseAsync("CLM-W-RESTART");
        await second.DeliverAsync("CLM-W-RESTART", ThreeMissing);
        var outcome = await second.WaitForOutcomeAsync("CLM-W-RESTART");
        var events = await second.Sessions.GetEventsAsync("CLM-W-RESTART");
        var pausedFor = events.Single(e => e.Type == ClaimEventTypes.Resume).Timestamp - events.First(e => e.Type == ClaimEventTypes.Pause).Timestamp;

        Assert.Equal(ThreeMissing, stillPaused.MissingDocuments);
        Assert.Equal((ClaimStatusCodes.Approved, ClaimReasons.Covered), (outcome.Status, outcome.Reason));
        Assert.Equal(pausedFor.TotalSeconds, (await second.Sessions.LoadAsync("CLM-W-RESTART"))!.Metadata.PausedSeconds, 3);
    }

    [Fact]
    public async Task Claim_SessionPersistenceOff_ShouldDecideWithoutWritingSessions()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["SESSION_PERSISTENCE_ENABLED"] = "false" });
        await host.SubmitAsync(TestClaims.Auto("CLM-W-NOPERSIST", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-NOPERSIST");

        Assert.Equal(ClaimStatusCodes.Approved, outcome.Status);
        Assert.False(await host.Sessions.ExistsAsync("CLM-W-NOPERSIST"));
    }
}

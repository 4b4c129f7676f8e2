using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Sessions;
using DurableClaims.Testing;
using DurableClaims.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Workflow;

public sealed class SessionRecorderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("recorder");
    private readonly FolderSessionStore _store;
    private readonly SessionRecorder _recorder;

    public SessionRecorderTests()
    {
        _store = FolderSessionStore.InDataDirectory(_folder.Path);
        _recorder = new SessionRecorder(_store, Options.Create(new ClaimsOptions()), NullLogger<SessionRecorder>.Instance);
    }

    private static SessionUpdate Update(string status, DateTimeOffset at, string step) => new()
    {
        State = ClaimState.Start("CLM-REC", 15) with { Status = status, Phase = ClaimPhases.Documents },
        StepKey = step,
        At = at,
        Messages = [new NewMessage("system", "system", $"{status} at {at:O}")],
        Event = new ClaimLifecycleEvent($"CLM-REC:{step}", "CLM-REC", ClaimEventTypes.Pause, at),
    };

    [Fact]
    public async Task RecordAsync_SameStepTwice_ShouldNotDuplicateMessagesOrEvents()
    {
        await _recorder.RecordAsync(Update(ClaimStatusCodes.Paused, T0, "pause-001"), TestClaims.Auto("CLM-REC"));

        await _recorder.RecordAsync(Update(ClaimStatusCodes.Paused, T0.AddSeconds(5), "pause-001"), TestClaims.Auto("CLM-REC"));

        Assert.Single(await _store.GetHistoryAsync("CLM-REC"));
        Assert.Single(await _store.GetEventsAsync("CLM-REC"));
    }

    [Fact]
    public async Task RecordAsync_PauseThenResume_ShouldAccumulateTimePaused()
    {
        await _recorder.RecordAsync(Update(ClaimStatusCodes.Paused, T0, "pause-001"), TestClaims.Auto("CLM-REC"));
        await _recorder.RecordAsync(Update(ClaimStatusCodes.Running, T0.AddHours(2), "resume-002"));
        await _recorder.RecordAsync(Update(ClaimStatusCodes.Paused, T0.AddHours(3), "pause-003"));

        await _recorder.RecordAsync(Update(ClaimStatusCodes.Running, T0.AddHours(4), "resume-004"));

        var metadata = (await _store.LoadAsync("CLM-REC"))!.Metadata;
        Assert.Equal((3 * 3600.0, 2, (DateTimeOffset?)null), (metadata.PausedSeconds, metadata.Pauses, metadata.PausedAt));
    }

    [Fact]
    public async Task RecordAsync_LaterStepOfADeletedClaim_ShouldNotRecreateTheSession()
    {
        await _recorder.RecordAsync(Update(ClaimStatusCodes.Running, T0, "round-002"));

        Assert.Null(await _store.LoadAsync("CLM-REC"));
    }

    [Fact]
    public async Task LoadStepResult_StepRecordedWithItsResult_ShouldReturnThatResultForThatStepOnly()
    {
        var result = new RoundResult { RiskScore = 0.42, Recommendation = "approve" };
        await _recorder.RecordAsync(
            Update(ClaimStatusCodes.Running, T0, "round-001"),
            TestClaims.Auto("CLM-REC"),
            finish: c => c with { LastStep = new RecordedStep("round-001", System.Text.Json.JsonSerializer.SerializeToElement(result, ClaimsJson.Options)) });

        var (same, other) = (await _recorder.LoadStepResultAsync<RoundResult>("CLM-REC", "round-001"), await _recorder.LoadStepResultAsync<RoundResult>("CLM-REC", "round-002"));

        Assert.Equal((0.42, "approve"), (same!.RiskScore, same.Recommendation));
        Assert.Null(other);
    }

    public void Dispose() => _folder.Dispose();
}

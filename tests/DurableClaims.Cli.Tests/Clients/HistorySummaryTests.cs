using DurableClaims.Cli.Clients;

namespace DurableClaims.Cli.Tests.Clients;

public sealed class HistorySummaryTests
{
    [Fact]
    public void From_EventArrivedWhileAnActivityRuns_ShouldCountTheEventAndTheOutstandingActivity()
    {
        var summary = HistorySummary.From(
        [
            ("ExecutionStarted", "ClaimOrchestrator", -1),
            ("TaskScheduled", "RecordStepActivity", 3),
            ("EventRaised", "AdjusterDecision", -1),
        ]);

        Assert.Equal((1, 1), (summary.Raised("AdjusterDecision"), summary.OutstandingTasks));
    }

    [Fact]
    public void From_EveryActivityCompletedOrFailed_ShouldHaveNothingOutstanding()
    {
        var summary = HistorySummary.From(
        [
            ("TaskScheduled", "A", 0),
            ("TaskScheduled", "B", 1),
            ("TimerCreated", null, 2),
            ("TaskCompleted", null, 0),
            ("TaskFailed", null, 1),
        ]);

        Assert.Equal(0, summary.OutstandingTasks);
    }

    [Fact]
    public void Raised_EventNeverReceived_ShouldBeZero()
        => Assert.Equal(0, HistorySummary.From([("EventRaised", "DocumentsReceived", -1)]).Raised("AdjusterDecision"));
}

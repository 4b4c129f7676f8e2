using DurableClaims.DurableTask.Testing.Workflows;
using Microsoft.DurableTask.Client;
using Xunit;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>External events: buffering, ordering, timeouts, races, suspension and ContinueAsNew.</summary>
public abstract partial class OrchestrationServiceContract
{
    [Fact]
    public async Task RaiseEvent_BeforeTheInstanceStarts_ShouldBeDeliveredToTheWait()
    {
        var id = await StartAsync<AwaitApproval>(0, startAt: DateTimeOffset.UtcNow.AddMilliseconds(500));

        await Client.RaiseEventAsync(id, SampleNames.Approval, "early");

        Assert.Equal("early", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_SameNameThreeTimes_ShouldArriveInOrder()
    {
        var id = await StartAsync<CollectItems>(3);

        foreach (var item in new[] { "a", "b", "c" })
        {
            await Client.RaiseEventAsync(id, SampleNames.Item, item);
        }

        Assert.Equal("a,b,c", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitWithTimeout_NoEvent_ShouldThrowTaskCanceledAtTheDueTime()
    {
        var id = await StartAsync<AwaitApproval>(1 + TimerEarlinessSeconds);

        var done = await CompletionAsync(id);

        Assert.Equal("timed out", done.ReadOutputAs<string>());
        Assert.True(done.LastUpdatedAt - done.CreatedAt >= TimeSpan.FromSeconds(0.95), $"finished after {done.LastUpdatedAt - done.CreatedAt}");
    }

    [Fact]
    public async Task WaitWithTimeout_EventJustBeforeTheDeadline_ShouldWin()
    {
        var id = await StartAsync<AwaitApproval>(3 + TimerEarlinessSeconds);
        await UntilWaitingAsync(id);
        await Task.Delay(TimeSpan.FromSeconds(2));

        await Client.RaiseEventAsync(id, SampleNames.Approval, "in time");

        Assert.Equal("in time", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task WhenAny_EventBeatsOneHourTimer_ShouldCompleteWithoutWaitingForTheTimer()
    {
        var id = await StartAsync<ApprovalOrTimer>();
        await Waits.UntilAsync(Client, id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        await Client.RaiseEventAsync(id, SampleNames.Approval, "yes");

        var done = await CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved: yes", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Suspend_EventWhileSuspended_ShouldBeBufferedUntilResume()
    {
        var id = await StartAsync<AwaitApproval>(0);
        await UntilWaitingAsync(id);
        await Client.SuspendInstanceAsync(id, "adjuster on leave");
        await Waits.UntilAsync(Client, id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended);

        await Client.RaiseEventAsync(id, SampleNames.Approval, "while suspended");
        await Task.Delay(300);
        var suspended = await Client.GetInstanceAsync(id);
        await Client.ResumeInstanceAsync(id, "back");

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, suspended!.RuntimeStatus);
        Assert.Equal("while suspended", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_EventsRaisedDuringTheContinuation_ShouldBeKept()
    {
        var id = await StartAsync<RunningTotal>(new[] { 5, 0 });

        for (var i = 0; i < 5; i++)
        {
            await Client.RaiseEventAsync(id, SampleNames.Add, 1);
        }

        Assert.Equal(5, (await CompletionAsync(id)).ReadOutputAs<int>());
    }
}

using DurableClaims.DurableTask.Testing.Workflows;
using Microsoft.DurableTask.Client;
using Xunit;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>What survives a restart of the process: waits, due timers, and DurableTask.Core's non-determinism check.</summary>
public abstract partial class OrchestrationServiceContract
{
    [Fact]
    public async Task Restart_WaitingInstance_ShouldResumeWhenTheEventArrives()
    {
        var id = await StartAsync<AwaitApproval>(0);
        await UntilWaitingAsync(id);

        await RestartAsync();
        await Client.RaiseEventAsync(id, SampleNames.Approval, "after restart");

        Assert.Equal("after restart", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Restart_TimerDueWhileDown_ShouldFireAtStart()
    {
        var id = await StartAsync<AwaitApproval>(1);
        await UntilWaitingAsync(id);

        await RestartAsync(whileDown: () => Thread.Sleep(TimeSpan.FromSeconds(1.5)));

        Assert.Equal("timed out", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task Restart_OrchestratorChangedShape_ShouldFailWithNonDeterminismError()
    {
        var id = await StartAsync<ShapeShifter>();
        await UntilWaitingAsync(id);

        await RestartAsync(whileDown: () => ShapeSwitch.Change(id));
        await Client.RaiseEventAsync(id, SampleNames.Approval, "go");

        var done = await CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("NonDeterministic", done.FailureDetails!.ErrorType, StringComparison.Ordinal);
    }
}

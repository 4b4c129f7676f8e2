using DurableClaims.DurableTask.Hosting.Tests.Infrastructure;
using DurableClaims.DurableTask.Hosting.Tests.Samples;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Hosting.Tests;

public sealed partial class OrchestrationServiceClientTests(SampleHostFixture fixture) : IClassFixture<SampleHostFixture>
{
    private readonly DurableTaskClient _client = fixture.Client;

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_StringInputAndOutput_ShouldNotBeDoubleEncoded()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "world", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("\"world\"", result.SerializedInput);
        Assert.Equal("\"Hello, world!\"", result.SerializedOutput);
        Assert.Equal("world", result.ReadInputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdOfRunningInstance_ShouldThrowOrchestrationAlreadyExists()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        await _client.WaitForInstanceStartAsync(id, timeout.Token);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), new StartOrchestrationOptions(id), timeout.Token));
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_IdOfCompletedInstance_ShouldStartNewExecution()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "first", timeout.Token);
        await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "second", new StartOrchestrationOptions(id), timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("Hello, second!", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ScheduleNewOrchestrationInstanceAsync_DedupeStatusesWithoutRunning_ShouldReplaceRunningInstance()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        await _client.WaitForInstanceStartAsync(id, timeout.Token);

        var options = new StartOrchestrationOptions(id).WithDedupeStatuses(OrchestrationRuntimeStatus.Completed);
        await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "again", options, timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("Hello, again!", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEventAsync_UnknownInstance_ShouldThrowArgumentExceptionNamingIt()
    {
        using var timeout = TestTimeout.Create();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _client.RaiseEventAsync("no-such-instance", ApprovalOrchestrator.ApprovedEvent, "bob", timeout.Token));

        Assert.Contains("no-such-instance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TerminateInstanceAsync_RunningInstance_ShouldEndTerminatedWithOutput()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        await _client.WaitForInstanceStartAsync(id, timeout.Token);

        await _client.TerminateInstanceAsync(id, "no longer needed", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        Assert.Equal("no longer needed", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task SuspendInstanceAsync_RunningInstance_ShouldHoldEventsUntilResumed()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        await _client.WaitForInstanceStartAsync(id, timeout.Token);

        await _client.SuspendInstanceAsync(id, "hold on", timeout.Token);
        await _client.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended, timeout.Token);
        await _client.RaiseEventAsync(id, ApprovalOrchestrator.ApprovedEvent, "carol", timeout.Token);
        var whileSuspended = await _client.GetInstanceAsync(id, timeout.Token);
        await _client.ResumeInstanceAsync(id, "go on", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Suspended, whileSuspended?.RuntimeStatus);
        Assert.Equal("approved by carol", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForInstanceCompletionAsync_Cancelled_ShouldThrowOperationCanceled()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        using var shortWait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
        shortWait.CancelAfter(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _client.WaitForInstanceCompletionAsync(id, shortWait.Token));
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task RestartAsync_CompletedInstanceWithNewId_ShouldRunAgainWithSameInput()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "again", timeout.Token);
        await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var newId = await _client.RestartAsync(id, restartWithNewInstanceId: true, timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(newId, getInputsAndOutputs: true, timeout.Token);

        Assert.NotEqual(id, newId);
        Assert.Equal("Hello, again!", result.ReadOutputAs<string>());
    }
}

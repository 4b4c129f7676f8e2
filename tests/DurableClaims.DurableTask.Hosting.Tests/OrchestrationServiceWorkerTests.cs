using DurableClaims.DurableTask.Hosting.Tests.Infrastructure;
using DurableClaims.DurableTask.Hosting.Tests.Samples;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Hosting.Tests;

public sealed class OrchestrationServiceWorkerTests(SampleHostFixture fixture) : IClassFixture<SampleHostFixture>
{
    private readonly DurableTaskClient _client = fixture.Client;

    [Fact]
    public async Task ClassBasedOrchestrator_CallingActivity_ShouldCompleteWithActivityResult()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "world", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("Hello, world!", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Activity_WithScopedService_ShouldGetOwnScopeDisposedAfterExecution()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetTwiceOrchestrator), "scope", timeout.Token);
        await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var probes = fixture.ScopeLog.For(id);
        Assert.Equal(2, probes.Count);
        Assert.Equal(2, probes.Select(p => p.Id).Distinct().Count());
        Assert.All(probes, p => Assert.True(p.IsDisposed));
    }

    [Fact]
    public async Task UnknownOrchestrator_Scheduled_ShouldFailInstanceNamingIt()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("OrchestratorTaskNotFound", result.FailureDetails?.ErrorType);
        Assert.Contains("'NoSuchOrchestrator'", result.FailureDetails?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownActivity_Called_ShouldFailInstanceNamingIt()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(CallsMissingActivityOrchestrator), timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        var cause = result.FailureDetails?.InnerFailure ?? result.FailureDetails;
        Assert.Equal(typeof(TaskNotFoundException).FullName, cause?.ErrorType);
        Assert.Contains($"'{CallsMissingActivityOrchestrator.MissingActivityName}'", cause?.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubOrchestrator_Called_ShouldSeeParentInstanceId()
    {
        using var timeout = TestTimeout.Create();

        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ParentOrchestrator), timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(id, result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task WaitForExternalEvent_EventRaised_ShouldCompleteWithPayload()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);

        await _client.RaiseEventAsync(id, ApprovalOrchestrator.ApprovedEvent, "alice", timeout.Token);
        var result = await _client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("approved by alice", result.ReadOutputAs<string>());
    }
}

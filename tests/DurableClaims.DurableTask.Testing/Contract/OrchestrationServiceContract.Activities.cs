using DurableClaims.DurableTask.Testing.Workflows;
using Microsoft.DurableTask.Client;
using Xunit;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>Activities: results, retries and failures as Microsoft's executor reports them.</summary>
public abstract partial class OrchestrationServiceContract
{
    [Fact]
    public async Task ClassBasedWorkflow_TwoActivities_ShouldCompleteWithTheirResultsInOrder()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada", "Bo" });

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello, Ada! Hello, Bo!", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task RetryPolicy_TwoFailures_ShouldSucceedOnTheThirdAttempt()
    {
        var id = await StartAsync<RetryFlaky>(2);

        Assert.Equal(3, (await CompletionAsync(id)).ReadOutputAs<int>());
    }

    [Fact]
    public async Task RetryPolicy_ThreeFailures_ShouldFailTheInstanceWithTheLastError()
    {
        var id = await StartAsync<RetryFlaky>(3);

        var done = await CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("attempt 3 failed", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivityFailure_ShouldReachTheOrchestratorAsTaskFailedExceptionNamingTheActivity()
    {
        var id = await StartAsync<CatchFailure>();

        Assert.Equal(
            "AlwaysFails: System.InvalidOperationException: the ledger is closed",
            (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task SubOrchestration_ChildWithFixedId_ShouldReturnItsResultToTheParent()
    {
        var id = await StartAsync<GreetViaChild>(new[] { "Ada" });

        Assert.Equal("Hello, Ada!", (await CompletionAsync(id)).ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await Client.GetInstanceAsync(id + "-child"))!.RuntimeStatus);
    }
}

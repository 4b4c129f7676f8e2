using DurableClaims.DurableTask.Testing.Workflows;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Xunit;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>Instance management through Microsoft's client: dedupe, messages to the wrong instance, terminate, query, purge.</summary>
public abstract partial class OrchestrationServiceContract
{
    [Fact]
    public async Task Schedule_IdOfARunningInstance_ShouldThrowAlreadyExists()
    {
        var id = await StartAsync<AwaitApproval>(0);

        await Assert.ThrowsAnyAsync<OrchestrationAlreadyExistsException>(() => StartAsync<AwaitApproval>(0, id));
    }

    [Fact]
    public async Task Schedule_IdOfAFinishedInstance_ShouldStartAFreshRun()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" });
        await CompletionAsync(id);

        await StartAsync<GreetAll>(new[] { "Cy" }, id);

        Assert.Equal("Hello, Cy!", (await CompletionAsync(id)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_ShouldBeReportedNamingTheInstance()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Client.RaiseEventAsync("no-such-instance", SampleNames.Approval, "x"));

        Assert.Contains("no-such-instance", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_ShouldBeReportedNamingTheInstance()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" });
        await CompletionAsync(id);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Client.RaiseEventAsync(id, SampleNames.Approval, "late"));

        Assert.Contains(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_WaitingInstance_ShouldEndTerminatedWithTheReason()
    {
        var id = await StartAsync<AwaitApproval>(0);
        await UntilWaitingAsync(id);

        await Client.TerminateInstanceAsync(id, "withdrawn by the customer");

        var done = await CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("withdrawn by the customer", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Terminate_InstanceWhoseStartIsAnHourAway_ShouldEndAtOnce()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" }, startAt: DateTimeOffset.UtcNow.AddHours(1));

        await Client.TerminateInstanceAsync(id, "filed by mistake");

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await CompletionAsync(id)).RuntimeStatus);
    }

    [Fact]
    public async Task GetInstance_WithoutInputsAndOutputs_ShouldOmitThem()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" });
        await CompletionAsync(id);

        var metadata = await Client.GetInstanceAsync(id, getInputsAndOutputs: false);

        Assert.Equal(nameof(GreetAll), metadata!.Name);
        Assert.Null(metadata.SerializedInput);
        Assert.Null(metadata.SerializedOutput);
    }

    [Fact]
    public async Task Query_StatusAndPrefix_ShouldReturnOnlyMatchingInstances()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var done = await StartAsync<GreetAll>(new[] { "Ada" }, $"{prefix}-done");
        await StartAsync<AwaitApproval>(0, $"{prefix}-waiting");
        await StartAsync<AwaitApproval>(0, "other-waiting");
        await CompletionAsync(done);

        var running = await Client.GetAllInstancesAsync(new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending],
        }).ToListAsync();

        Assert.Equal([$"{prefix}-waiting"], running.Select(m => m.InstanceId));
    }

    [Fact]
    public async Task Query_PagesOfThree_ShouldVisitEveryInstanceOnce()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await StartAsync<AwaitApproval>(0, $"{prefix}-{i}"));
        }

        var pages = await Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 3 }).AsPages().ToListAsync();

        Assert.Equal(3, pages.Count);
        Assert.Equal(ids.Order(), pages.SelectMany(p => p.Values).Select(m => m.InstanceId).Order());
    }

    [Fact]
    public async Task Query_CreatedRange_ShouldExcludeInstancesCreatedBefore()
    {
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await StartAsync<AwaitApproval>(0, $"{prefix}-old");
        await Task.Delay(50);
        var from = DateTimeOffset.UtcNow;
        await StartAsync<AwaitApproval>(0, $"{prefix}-new");

        var found = await Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix, CreatedFrom = from }).ToListAsync();

        Assert.Equal([$"{prefix}-new"], found.Select(m => m.InstanceId));
    }

    [Fact]
    public async Task Purge_FinishedInstance_ShouldRemoveItsStateAndHistory()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" });
        await CompletionAsync(id);

        var result = await Client.PurgeInstanceAsync(id);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task Purge_RunningInstance_ShouldBeRefusedAndKeepTheInstance()
    {
        var id = await StartAsync<AwaitApproval>(0);
        await UntilWaitingAsync(id);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Client.PurgeInstanceAsync(id));

        Assert.NotNull(await Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task PurgeAll_CompletedInRange_ShouldRemoveOnlyFinishedInstances()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var done = await StartAsync<GreetAll>(new[] { "Ada" });
        var waiting = await StartAsync<AwaitApproval>(0);
        await CompletionAsync(done);
        await UntilWaitingAsync(waiting);

        await Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(from, DateTimeOffset.UtcNow.AddSeconds(1), [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running]));

        Assert.Null(await Client.GetInstanceAsync(done));
        Assert.NotNull(await Client.GetInstanceAsync(waiting));
    }

    [Fact]
    public async Task GetHistory_CompletedWorkflow_ShouldListStartedScheduledAndCompletedEventsInOrder()
    {
        var id = await StartAsync<GreetAll>(new[] { "Ada" });
        await CompletionAsync(id);

        var history = await Client.GetOrchestrationHistoryAsync(id);

        var kinds = history.Select(e => e.GetType().Name).ToList();
        var order = new[] { "ExecutionStartedEvent", "TaskScheduledEvent", "TaskCompletedEvent", "ExecutionCompletedEvent" }.Select(k => kinds.IndexOf(k)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }
}

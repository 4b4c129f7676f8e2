using DurableClaims.DurableTask.Hosting.Tests.Infrastructure;
using DurableClaims.DurableTask.Hosting.Tests.Samples;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Hosting.Tests;

public sealed partial class OrchestrationServiceClientTests
{
    [Fact]
    public async Task GetInstanceAsync_WithoutInputsAndOutputs_ShouldOmitThem()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "quiet", timeout.Token);
        await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var metadata = await _client.GetInstanceAsync(id, getInputsAndOutputs: false, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata?.RuntimeStatus);
        Assert.Null(metadata?.SerializedInput);
        Assert.Null(metadata?.SerializedOutput);
    }

    [Fact]
    public async Task GetInstanceAsync_UnknownInstance_ShouldReturnNull()
    {
        using var timeout = TestTimeout.Create();

        Assert.Null(await _client.GetInstanceAsync("no-such-instance", timeout.Token));
    }

    [Fact]
    public async Task GetInstanceAsync_CustomStatusSet_ShouldReadBackThroughDataConverter()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);

        var metadata = await _client.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Running, timeout.Token);
        while (metadata.SerializedCustomStatus is null)
        {
            await Task.Delay(20, timeout.Token);
            metadata = (await _client.GetInstanceAsync(id, timeout.Token))!;
        }

        Assert.Equal("waiting", metadata.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task GetAllInstancesAsync_SmallPageSize_ShouldReturnEveryMatchingInstanceAcrossPages()
    {
        using var timeout = TestTimeout.Create();
        var prefix = $"paging-{Guid.NewGuid():N}-";
        for (var i = 0; i < 5; i++)
        {
            await _client.ScheduleNewOrchestrationInstanceAsync(
                nameof(ApprovalOrchestrator), new StartOrchestrationOptions($"{prefix}{i}"), timeout.Token);
        }

        var pages = new List<Page<OrchestrationMetadata>>();
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, PageSize = 2 };
        await foreach (var page in _client.GetAllInstancesAsync(query).AsPages().WithCancellation(timeout.Token))
        {
            pages.Add(page);
        }

        Assert.True(pages.Count >= 3, $"expected at least 3 pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(p.Values.Count <= 2));
        Assert.Equal(5, pages.SelectMany(p => p.Values).Select(m => m.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task GetAllInstancesAsync_StatusFilter_ShouldReturnOnlyInstancesInThatStatus()
    {
        using var timeout = TestTimeout.Create();
        var prefix = $"status-{Guid.NewGuid():N}-";
        var done = await _client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetOrchestrator), "x", new StartOrchestrationOptions($"{prefix}done"), timeout.Token);
        await _client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ApprovalOrchestrator), new StartOrchestrationOptions($"{prefix}waiting"), timeout.Token);
        await _client.WaitForInstanceCompletionAsync(done, timeout.Token);

        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = prefix,
            Statuses = [OrchestrationRuntimeStatus.Completed],
            FetchInputsAndOutputs = true,
        };
        var found = new List<OrchestrationMetadata>();
        await foreach (var metadata in _client.GetAllInstancesAsync(query).WithCancellation(timeout.Token))
        {
            found.Add(metadata);
        }

        var only = Assert.Single(found);
        Assert.Equal(done, only.InstanceId);
        Assert.Equal("Hello, x!", only.ReadOutputAs<string>());
    }

    [Fact]
    public async Task PurgeInstanceAsync_CompletedInstance_ShouldRemoveIt()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "gone", timeout.Token);
        await _client.WaitForInstanceCompletionAsync(id, timeout.Token);

        var result = await _client.PurgeInstanceAsync(id, cancellation: timeout.Token);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await _client.GetInstanceAsync(id, timeout.Token));
    }

    [Fact]
    public async Task PurgeInstanceAsync_RunningInstance_ShouldThrowInvalidOperation()
    {
        using var timeout = TestTimeout.Create();
        var id = await _client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => _client.PurgeInstanceAsync(id, cancellation: timeout.Token));
        Assert.NotNull(await _client.GetInstanceAsync(id, timeout.Token));
    }
}

using DurableClaims.DurableTask.Hosting.Tests.Infrastructure;
using DurableClaims.DurableTask.Hosting.Tests.Samples;
using System.Text.Json;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.Hosting.Tests;

/// <summary>Client behaviour that needs a host of its own (whole-hub purge, a service client without optional interfaces).</summary>
public sealed class OrchestrationServiceClientIsolatedTests
{
    [Fact]
    public async Task PurgeAllInstancesAsync_NoStatusFilter_ShouldPurgeFinishedInstancesOnly()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await DurableTestHost.StartInMemoryAsync(
            tasks => tasks.AddOrchestrator<GreetOrchestrator>().AddOrchestrator<ApprovalOrchestrator>().AddActivity<GreetActivity>(),
            services => services.AddSingleton<ScopeLog>().AddScoped<ScopeProbe>(),
            timeout.Token);
        var done = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "x", timeout.Token);
        var waiting = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), timeout.Token);
        await host.Client.WaitForInstanceCompletionAsync(done, timeout.Token);

        var result = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(), timeout.Token);

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(done, timeout.Token));
        Assert.NotNull(await host.Client.GetInstanceAsync(waiting, timeout.Token));
    }

    [Fact]
    public void GetAllInstancesAsync_ServiceClientWithoutQueries_ShouldThrowNotSupported()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableTaskClient(b => b.UseOrchestrationService(_ => new ClientOnly(new InMemoryOrchestrationService())));
        using var host = builder.Build();

        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var error = Assert.Throws<NotSupportedException>(() => client.GetAllInstancesAsync());
        Assert.Contains(nameof(global::DurableTask.Core.Query.IOrchestrationServiceQueryClient), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WorkerOptionsWithoutService_ShouldFailHostStartValidation()
    {
        using var timeout = TestTimeout.Create();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DurableTestHost.StartInMemoryAsync(
            tasks => tasks.AddOrchestrator<GreetOrchestrator>(),
            services => services.AddDurableTaskWorker(b => b.UseOrchestrationService(
                sp => sp.GetRequiredService<InMemoryOrchestrationService>(),
                options => options.OrchestrationService = null)),
            timeout.Token));

        Assert.Contains("orchestration service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkerAndClient_DataConverterConfiguredOnBuilders_ShouldBeUsedForPayloads()
    {
        using var timeout = TestTimeout.Create();
        var camelCase = new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await using var host = await DurableTestHost.StartInMemoryAsync(
            tasks => tasks.AddOrchestrator<EchoOrchestrator>(),
            services => services
                .AddDurableTaskWorker(b => b.Configure(o => o.DataConverter = camelCase))
                .AddDurableTaskClient(b => b.Configure(o => o.DataConverter = camelCase)),
            timeout.Token);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), new Greeting("dora"), timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("{\"name\":\"dora\"}", result.SerializedOutput);
        Assert.Equal(new Greeting("dora"), result.ReadOutputAs<Greeting>());
    }

    /// <summary>Implements only the mandatory client interface, to prove optional features are detected, not assumed.</summary>
    private sealed class ClientOnly(IOrchestrationServiceClient inner) : IOrchestrationServiceClient
    {
        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => inner.CreateTaskOrchestrationAsync(creationMessage);

        public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
            inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

        public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => inner.SendTaskOrchestrationMessageAsync(message);

        public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => inner.SendTaskOrchestrationMessageBatchAsync(messages);

        public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken);

        public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

        public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
            inner.GetOrchestrationStateAsync(instanceId, allExecutions);

        public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
            inner.GetOrchestrationStateAsync(instanceId, executionId);

        public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) =>
            inner.GetOrchestrationHistoryAsync(instanceId, executionId);

        public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
            inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    }
}

using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Testing.Contract;

/// <summary>
/// Behaviour every orchestration service must show under Microsoft's executor and client. A provider's test project
/// derives from it and says how to open its task hub; the same tests then run on SQLite, Azure Storage, ...
/// </summary>
public abstract partial class OrchestrationServiceContract : IAsyncLifetime
{
    private TaskHubHost? _host;

    protected TaskHubHost Host => _host ?? throw new InvalidOperationException("The host is not running.");

    protected DurableTaskClient Client => Host.Client;

    /// <summary>How much earlier than due a durable timer may fire on this service, in whole seconds (0: never early).</summary>
    /// <remarks>Azure Storage queues take a message's visibility delay in whole seconds and drop the fraction, so its timers fire up to a second early.</remarks>
    protected virtual int TimerEarlinessSeconds => 0;

    /// <summary>Opens a new service object over this test's task hub (called again after every simulated restart).</summary>
    protected abstract IOrchestrationService CreateService();

    public virtual async Task InitializeAsync() => _host = await TaskHubHost.StartAsync(CreateService());

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>Stops the worker and closes the service, then starts both again on the same task hub.</summary>
    protected async Task RestartAsync(Action? whileDown = null)
    {
        await Host.DisposeAsync();
        _host = null;
        whileDown?.Invoke();
        _host = await TaskHubHost.StartAsync(CreateService());
    }

    protected Task<string> StartAsync<TOrchestrator>(object? input = null, string? instanceId = null, DateTimeOffset? startAt = null)
        where TOrchestrator : ITaskOrchestrator =>
        Client.ScheduleNewOrchestrationInstanceAsync(
            typeof(TOrchestrator).Name, input, new StartOrchestrationOptions(instanceId ?? Guid.NewGuid().ToString("N"), startAt));

    protected Task<OrchestrationMetadata> CompletionAsync(string instanceId) => Waits.CompletionAsync(Client, instanceId);

    protected Task UntilWaitingAsync(string instanceId) => Waits.UntilCustomStatusAsync(Client, instanceId, "waiting");
}

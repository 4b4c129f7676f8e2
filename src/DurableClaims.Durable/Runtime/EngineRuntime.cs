using System.Threading.Channels;
using DurableClaims.Durable.Core;
using DurableClaims.Durable.Diagnostics;
using DurableClaims.Durable.Storage;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Durable.Runtime;

/// <summary>The running engine: live instances and their inboxes in memory, SQLite as the durable log.</summary>
/// <remarks>
/// One process owns the task hub (lock file), so work queues live in memory and are rebuilt from the
/// database at start-up; nothing polls the database. Every state change is committed by the group-commit
/// writer before anything outside the instance sees it; only a pipelined step's activities start earlier.
/// </remarks>
internal sealed partial class EngineRuntime : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceEntry> _instances = new(StringComparer.Ordinal);
    private readonly Channel<InstanceEntry> _ready = Channel.CreateUnbounded<InstanceEntry>();
    private readonly Channel<ActivityWorkItem> _activities = Channel.CreateUnbounded<ActivityWorkItem>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];
    private readonly DurableTaskRegistry _registry;
    private readonly DurableEngineOptions _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TaskHubStore _store;
    private readonly ExecutorCache _cache;
    private readonly CommitWriter _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly TimerQueue _timers;
    private long _nextMessageId;
    private long _nextActivityId;

    private EngineRuntime(DurableTaskRegistry registry, DurableEngineOptions options, IServiceProvider services, TimeProvider time, ILoggerFactory loggerFactory, TaskHubStore store)
    {
        _registry = registry;
        _options = options;
        _services = services;
        _time = time;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("DurableClaims.Durable.Engine");
        _store = store;
        _cache = new ExecutorCache(options.CachedInstances);
        _checkpointer = new WalCheckpointer(store.ConnectionString);
        _writer = new CommitWriter(store.Writer, options.MaxCommitBatchSize, _logger, _checkpointer.Committed);
        _timers = new TimerQueue(time, Deliver);
    }

    /// <summary>Raised after a step of an instance is durable (status and custom status as committed).</summary>
    public event Action<string, OrchestrationRuntimeStatus, string?>? InstanceUpdated;

    public StoreReader Reader => _store.Reader;

    public int CachedExecutors => _cache.Count;

    public int PendingTimers => _timers.Count;

    private DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <summary>Opens the task hub, reloads live work and starts the workers.</summary>
    /// <exception cref="TaskHubLockedException">Another engine owns the task hub.</exception>
    public static EngineRuntime Start(DurableTaskRegistry registry, DurableEngineOptions options, IServiceProvider services, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var store = TaskHubStore.Open(options);
        StartupState state;
        try
        {
            state = store.LoadStartupState();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        var runtime = new EngineRuntime(registry, options, services, time, loggerFactory, store);
        runtime.Load(state);
        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _ready.Writer.TryComplete();
        _activities.Writer.TryComplete();
        await Task.WhenAll(_workers);
        _timers.Dispose();
        await _writer.DisposeAsync();
        await _checkpointer.DisposeAsync();
        lock (_gate)
        {
            foreach (var waiter in _instances.Values.SelectMany(e => e.CompletionWaiters))
            {
                waiter.TrySetException(new ObjectDisposedException(nameof(DurableEngine), "The durable engine stopped."));
            }
        }

        _store.Dispose();
        _stopping.Dispose();
        Log.EngineStopped(_logger);
    }

    private void Load(StartupState state)
    {
        _nextMessageId = state.MaxMessageId;
        _nextActivityId = state.MaxActivityId;
        foreach (var row in state.Instances)
        {
            _instances[row.Id] = new InstanceEntry(row.Id, row.Name, row.ExecutionId, row.Status);
        }

        for (var i = 0; i < _options.MaxConcurrentOrchestrations; i++)
        {
            _workers.Add(Task.Run(OrchestrationLoopAsync));
        }

        for (var i = 0; i < _options.MaxConcurrentActivities; i++)
        {
            _workers.Add(Task.Run(ActivityLoopAsync));
        }

        foreach (var message in state.Messages)
        {
            Enqueue(message);
        }

        foreach (var item in state.Activities)
        {
            _activities.Writer.TryWrite(item);
        }

        Log.EngineStarted(_logger, _options.DatabasePath, state.Instances.Count, state.Activities.Count);
    }

    /// <summary>Makes a committed message visible now, or when due.</summary>
    private void Enqueue(InboxMessage message)
    {
        if (message.VisibleAt > UtcNow)
        {
            _timers.Add(message);
        }
        else
        {
            Deliver(message);
        }
    }

    /// <summary>Adds a message to its instance's inbox; messages for finished instances or past executions are dropped.</summary>
    private void Deliver(InboxMessage message)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(message.InstanceId, out var entry)
                || (message.ExecutionId is not null && message.ExecutionId != entry.ExecutionId)
                || entry.DropsResultOf(message.ActivityTaskId))
            {
                return;
            }

            entry.Inbox.Add(message);
            TrySchedule(entry);
        }
    }

    // Caller holds _gate.
    private void TrySchedule(InstanceEntry entry)
    {
        if (entry.Finished)
        {
            return;
        }

        if (entry.Halted)
        {
            // A retry starts from the store, so it waits until every pending commit of the instance is resolved.
            if (!entry.RetryDue || entry.PendingSteps > 0 || entry.Busy)
            {
                return;
            }

            entry.Resume();
        }

        // Without a cache every step replays from the store, so it waits until the store holds the previous steps.
        if (!entry.Busy && (entry.PendingSteps == 0 || _options.CachedInstances > 0) && entry.HasRunnableWork())
        {
            entry.Busy = true;
            _ready.Writer.TryWrite(entry);
        }
    }

    internal long AllocateMessageId() => Interlocked.Increment(ref _nextMessageId);

    internal long AllocateActivityId() => Interlocked.Increment(ref _nextActivityId);

    internal static string CreateExecutionId() => Guid.NewGuid().ToString("N");

    private void NotifyUpdated(string instanceId, OrchestrationRuntimeStatus status, string? customStatus)
    {
        var handler = InstanceUpdated;
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(instanceId, status, customStatus);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop the commit loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.LoopFailed(_logger, "notification", ex);
        }
    }
}

using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Runtime;
using DurableClaims.DurableTask.Sqlite.Storage;
using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>
/// A DurableTask.Core orchestration service on one SQLite file, owned by one process: work items come from memory
/// the moment they are ready, and every change is written by a group-commit loop before it is acknowledged.
/// </summary>
public sealed partial class SqliteOrchestrationService :
    IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient, IAsyncDisposable, IDisposable
{
    private readonly SqliteOrchestrationServiceOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly InstanceQueue _instances;
    private readonly ActivityQueue _activities;
    private readonly KeyValuePair<string, object?> _hubTag;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private TaskHub? _hub;
    private Task? _timerLoop;
    private bool _disposed;

    /// <summary>Creates the service; the task hub is opened on first use.</summary>
    public SqliteOrchestrationService(SqliteOrchestrationServiceOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException($"Invalid SQLite task hub options: {error}", nameof(options));
        }

        _options = options;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SqliteOrchestrationService>();
        _time = timeProvider ?? TimeProvider.System;
        _instances = new InstanceQueue(_time);
        _activities = new ActivityQueue();
        _hubTag = SqliteProviderMetrics.Hub(DatabasePath);
        SqliteProviderMetrics.Observe(this);
    }

    /// <summary>The task hub's database file.</summary>
    public string DatabasePath => Path.GetFullPath(_options.DatabasePath);

    /// <inheritdoc/>
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => BehaviorOnContinueAsNew.Carryover;

    /// <inheritdoc/>
    public int TaskOrchestrationDispatcherCount => 1;

    /// <inheritdoc/>
    public int MaxConcurrentTaskOrchestrationWorkItems => _options.MaxConcurrentOrchestrations;

    /// <inheritdoc/>
    public int TaskActivityDispatcherCount => 1;

    /// <inheritdoc/>
    public int MaxConcurrentTaskActivityWorkItems => _options.MaxConcurrentActivities;

    internal int ReadyInstances => _instances.Ready.Count;

    internal int QueuedActivities => _activities.Count;

    internal int PendingTimers => _instances.TimerCount;

    internal int LiveInstances => _instances.LiveCount;

    internal int PendingCommits => _hub?.Commits.Pending ?? 0;

    /// <inheritdoc/>
    public Task CreateAsync() => OpenAsync();

    /// <inheritdoc/>
    public async Task CreateAsync(bool recreateInstanceStore)
    {
        if (recreateInstanceStore)
        {
            await DeleteAsync(true);
        }

        await OpenAsync();
    }

    /// <inheritdoc/>
    public Task CreateIfNotExistsAsync() => OpenAsync();

    /// <inheritdoc/>
    public Task DeleteAsync() => DeleteAsync(true);

    /// <summary>Deletes the task hub's files; only before the service was opened.</summary>
    public Task DeleteAsync(bool deleteInstanceStore)
    {
        if (_hub is not null)
        {
            throw new InvalidOperationException("A SQLite task hub in use cannot be deleted; dispose the service first.");
        }

        if (deleteInstanceStore)
        {
            TaskHubStore.Delete(_options);
        }

        return Task.CompletedTask;
    }

    /// <summary>Opens the task hub; a stopped service cannot start again (create a new one).</summary>
    public Task StartAsync() => _stopping.IsCancellationRequested
        ? Task.FromException(new InvalidOperationException("This SQLite orchestration service was stopped; create a new one to start again."))
        : OpenAsync();

    /// <inheritdoc/>
    public Task StopAsync() => StopAsync(false);

    /// <summary>Stops handing out work: waiting fetches and extended sessions return; the store stays open for clients.</summary>
    public Task StopAsync(bool isForced)
    {
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
            _instances.Close();
            _activities.Close();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => false;

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => 1;

    /// <inheritdoc/>
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => exception is OperationCanceledException ? 0 : 1;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(true);
        if (_timerLoop is not null)
        {
            await _timerLoop;
        }

        if (_hub is not null)
        {
            await _hub.Commits.DisposeAsync();
            _hub.Store.Dispose();
        }

        Logs.TaskHubClosed(_logger, DatabasePath);
        _instances.Dispose();
        _stopping.Dispose();
        _openLock.Dispose();
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>The open hub; the first call opens it (lock file, schema, start-up state).</summary>
    private async Task<TaskHub> OpenAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_hub is { } open)
        {
            return open;
        }

        await _openLock.WaitAsync();
        try
        {
            return _hub ??= Open();
        }
        finally
        {
            _openLock.Release();
        }
    }

    private TaskHub Open()
    {
        var store = TaskHubStore.Open(_options, _logger);
        try
        {
            var state = store.LoadStartupState();
            lock (_instances.Gate)
            {
                var slots = new Dictionary<string, InstanceSlot>(StringComparer.Ordinal);
                foreach (var instance in state.Instances)
                {
                    var historyExecution = instance.Status == OrchestrationStatus.Pending ? null : instance.ExecutionId;
                    slots[instance.InstanceId] = _instances.AddLocked(instance.InstanceId, instance.Status, historyExecution);
                }

                foreach (var message in state.Messages)
                {
                    // Timers due while the process was down are visible now and fire at once.
                    _instances.DeliverLocked(slots[message.InstanceId], message);
                }
            }

            foreach (var (id, message) in state.Activities)
            {
                _activities.Enqueue(new ActivityEntry(id, message, 0));
            }

            var commits = new CommitQueue(store.Writer, store.Checkpointer, _options.MaxCommitBatch, _hubTag, _logger, DatabasePath);
            var hub = new TaskHub(_options, _logger, _time, _instances, _activities, store, commits, state.MaxId, _hubTag, _stopping.Token);
            _timerLoop = Task.Run(() => _instances.RunTimersAsync(_stopping.Token));
            Logs.TaskHubOpened(_logger, DatabasePath, state.Instances.Count, state.Messages.Count, state.Activities.Count);
            return hub;
        }
        catch (Exception ex)
        {
            store.Dispose();
            if (ex is TaskHubCorruptException corrupt)
            {
                Logs.TaskHubCorrupt(_logger, DatabasePath, corrupt.Detail);
            }

            throw;
        }
    }
}

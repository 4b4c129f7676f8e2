using DurableClaims.Durable.Core;
using DurableClaims.Durable.Storage;

namespace DurableClaims.Durable.Runtime;

/// <summary>Client operations that change state: each is committed before it takes effect in memory.</summary>
internal sealed partial class EngineRuntime
{
    private const string TerminalStatuses = "(1, 3, 5)";

    public async Task ScheduleAsync(string name, string instanceId, string? input, DateTimeOffset? startAt)
    {
        var now = UtcNow;
        var executionId = CreateExecutionId();
        var entry = new InstanceEntry(instanceId, name, executionId, OrchestrationRuntimeStatus.Pending);
        lock (_gate)
        {
            if (!_instances.TryAdd(instanceId, entry))
            {
                throw new OrchestrationAlreadyExistsException(instanceId);
            }
        }

        var visibleAt = startAt is { } at && at.UtcDateTime > now ? at.UtcDateTime : now;
        var message = new InboxMessage
        {
            MessageId = AllocateMessageId(), InstanceId = instanceId, ExecutionId = executionId, VisibleAt = visibleAt,
            Event = new DurableEvent(EventKind.ExecutionStarted) { Name = name, Data = input, Timestamp = now },
        };
        try
        {
            await _writer.SubmitAsync(
                w =>
                {
                    // Re-using the id of a finished instance replaces it, as in Durable Functions.
                    w.DeleteInstanceWork(instanceId, includeHistory: true);
                    w.UpsertInstance(instanceId, name, executionId, OrchestrationRuntimeStatus.Pending, input, now);
                    w.InsertMessage(message.MessageId, instanceId, executionId, message.Event, visibleAt);
                    return true;
                },
                _ => Enqueue(message));
        }
        catch
        {
            lock (_gate)
            {
                if (_instances.TryGetValue(instanceId, out var current) && current == entry)
                {
                    _instances.Remove(instanceId);
                }
            }

            throw;
        }
    }

    /// <summary>Sends a client message (event, terminate, suspend, resume) to a live instance.</summary>
    /// <exception cref="OrchestrationNotFoundException">No such instance.</exception>
    /// <exception cref="OrchestrationAlreadyCompletedException">The instance has finished.</exception>
    public async Task SendAsync(string instanceId, DurableEvent e)
    {
        bool live;
        lock (_gate)
        {
            live = _instances.ContainsKey(instanceId);
        }

        if (!live)
        {
            var stored = _store.Reader.GetInstance(instanceId, withData: false) ?? throw new OrchestrationNotFoundException(instanceId);
            throw new OrchestrationAlreadyCompletedException(instanceId, stored.RuntimeStatus);
        }

        var message = new InboxMessage { MessageId = AllocateMessageId(), InstanceId = instanceId, Event = e, VisibleAt = UtcNow };
        await _writer.SubmitAsync(
            w =>
            {
                w.InsertMessage(message.MessageId, instanceId, null, e, message.VisibleAt);
                return true;
            },
            _ => Deliver(message));
    }

    public DurableEvent NewClientEvent(EventKind kind, string? name, string? data) => new(kind) { Name = name, Data = data, Timestamp = UtcNow };

    /// <summary>Waits for a live instance to finish; returns at once when it is not live.</summary>
    public Task WaitUntilFinishedAsync(string instanceId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var entry))
            {
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            entry.CompletionWaiters.Add(waiter);
            return waiter.Task.WaitAsync(cancellation);
        }
    }

    public async Task<int> PurgeAsync(string instanceId)
    {
        lock (_gate)
        {
            if (_instances.ContainsKey(instanceId))
            {
                return 0;
            }
        }

        return await _writer.SubmitAsync(w =>
        {
            var deleted = w.Execute($"DELETE FROM instances WHERE id = $1 AND status IN {TerminalStatuses}", instanceId);
            if (deleted > 0)
            {
                w.DeleteInstanceWork(instanceId, includeHistory: true);
            }

            return deleted;
        });
    }

    public Task<int> PurgeAsync(PurgeInstancesFilter filter) => _writer.SubmitAsync(w =>
    {
        using var select = w.CreateCommand(string.Empty);
        var where = StoreReader.PurgeFilter(select, filter);
#pragma warning disable CA2100 // The filter text is built from constants; values are parameters.
        select.CommandText = $"DELETE FROM history WHERE instance_id IN (SELECT id FROM instances WHERE {where}); DELETE FROM instances WHERE {where};";
#pragma warning restore CA2100
        select.ExecuteNonQuery();
        using var count = w.CreateCommand("SELECT changes()");
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    });
}

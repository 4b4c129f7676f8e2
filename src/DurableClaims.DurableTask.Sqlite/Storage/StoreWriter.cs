using DurableClaims.DurableTask.Hosting;
using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Data.Sqlite;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>The single write connection with its prepared statements; used only by the commit loop's thread.</summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public StoreWriter(SqliteConnection connection) => _connection = connection;

    public void Begin() => _transaction = _connection.BeginTransaction(deferred: false);

    public void Commit()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
    }

    public void Rollback()
    {
        try
        {
            _transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite rolls back by itself after some errors (I/O error, full disk); throwing here would stop the commit loop.
        }
        finally
        {
            _transaction?.Dispose();
            _transaction = null;
        }
    }

    /// <summary>Writes a new instance row (Pending), replacing a finished instance with the same id and all it left behind.</summary>
    /// <remarks>Only messages older than <paramref name="startMessageId"/> are the old instance's: a message sent to the new
    /// instance after it was reserved has a higher id and may be queued ahead of this transaction.</remarks>
    public void CreateInstance(ExecutionStartedEvent start, long startMessageId, DateTime now)
    {
        var instance = start.OrchestrationInstance;
        Execute(
            "INSERT OR REPLACE INTO instances (id, execution_id, name, version, status, input, tags, parent, scheduled_start, created, updated) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$10)",
            instance.InstanceId,
            instance.ExecutionId,
            start.Name,
            start.Version,
            (int)OrchestrationStatus.Pending,
            start.Input,
            start.Tags is { Count: > 0 } ? CoreJson.Serialize(start.Tags) : null,
            start.ParentInstance is null ? null : CoreJson.Serialize(start.ParentInstance),
            start.ScheduledStartTime?.ToUniversalTime().Ticks,
            now.Ticks);
        Execute("DELETE FROM messages WHERE instance_id = $1 AND id < $2", instance.InstanceId, startMessageId);
        DeleteHistory(instance.InstanceId);
    }

    /// <summary>Records what a step left the instance with.</summary>
    public void UpdateInstance(OrchestrationState state, DateTime now)
    {
        var terminal = state.OrchestrationStatus.IsTerminal();
        Execute(
            "UPDATE instances SET execution_id = $2, status = $3, input = $4, output = $5, custom_status = $6, failure = $7, updated = $8, completed = $9 WHERE id = $1",
            state.OrchestrationInstance.InstanceId,
            state.OrchestrationInstance.ExecutionId,
            (int)state.OrchestrationStatus,
            state.Input,
            state.Output,
            state.Status,
            state.FailureDetails is null ? null : CoreJson.Serialize(state.FailureDetails),
            now.Ticks,
            terminal ? now.Ticks : null);
    }

    /// <summary>Appends one step's events as one row (a JSON array); <paramref name="seq"/> is the index of its first event.</summary>
    public void InsertHistory(string instanceId, string executionId, int seq, string eventsJson) => Execute(
        "INSERT INTO history (instance_id, execution_id, seq, events) VALUES ($1,$2,$3,$4)", instanceId, executionId, seq, eventsJson);

    public void DeleteHistory(string instanceId) => Execute("DELETE FROM history WHERE instance_id = $1", instanceId);

    public void InsertMessage(StoredMessage message) => Execute(
        "INSERT INTO messages (id, instance_id, visible_at, message) VALUES ($1,$2,$3,$4)",
        message.Id,
        message.InstanceId,
        message.VisibleAt.Ticks,
        message.Json ?? CoreJson.Serialize(message.Message));

    public void DeleteMessage(long id) => Execute("DELETE FROM messages WHERE id = $1", id);

    public void InsertActivity(long id, string instanceId, string messageJson) => Execute(
        "INSERT INTO activities (id, instance_id, message) VALUES ($1,$2,$3)", id, instanceId, messageJson);

    public void DeleteActivity(long id) => Execute("DELETE FROM activities WHERE id = $1", id);

    /// <summary>Removes every trace of a finished instance; returns whether a row was deleted.</summary>
    public bool PurgeInstance(string instanceId)
    {
        var deleted = Execute($"DELETE FROM instances WHERE id = $1 AND status NOT IN {Schema.LiveStatuses}", instanceId) > 0;
        if (deleted)
        {
            Execute("DELETE FROM messages WHERE instance_id = $1", instanceId);
            Execute("DELETE FROM activities WHERE instance_id = $1", instanceId);
            DeleteHistory(instanceId);
        }

        return deleted;
    }

    public int Execute(string sql, params object?[] values)
    {
        var cmd = Command(sql, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        _transaction?.Dispose();
    }

    // Statements are prepared once and re-bound: parsing SQL per row would dominate the commit cost.
    private SqliteCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of the callers; values are bound as parameters.
            cmd.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 1; i <= parameterCount; i++)
            {
                cmd.Parameters.Add(new SqliteParameter("$" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            _commands[sql] = cmd;
        }

        cmd.Transaction = _transaction;
        return cmd;
    }
}

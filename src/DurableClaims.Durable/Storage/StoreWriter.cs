using DurableClaims.Durable.Core;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>The single write connection and its prepared statements; used only by the commit loop.</summary>
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
            // SQLite rolls back on its own after some errors (I/O error, full disk); then nothing is left to undo,
            // and throwing here would stop the commit writer for every instance.
        }
        finally
        {
            _transaction?.Dispose();
            _transaction = null;
        }
    }

    public void InsertHistory(string instanceId, string executionId, int seq, DurableEvent e)
    {
        var cmd = Command($"INSERT INTO history (instance_id, execution_id, seq, {Schema.EventColumns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)", 12);
        cmd.Parameters[0].Value = instanceId;
        cmd.Parameters[1].Value = executionId;
        cmd.Parameters[2].Value = seq;
        EventRow.Bind(cmd.Parameters, 3, e);
        cmd.ExecuteNonQuery();
    }

    public void InsertMessage(long id, string instanceId, string? executionId, DurableEvent e, DateTime visibleAt)
    {
        var cmd = Command($"INSERT INTO messages (id, instance_id, execution_id, visible_at, {Schema.EventColumns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)", 13);
        cmd.Parameters[0].Value = id;
        cmd.Parameters[1].Value = instanceId;
        cmd.Parameters[2].Value = (object?)executionId ?? DBNull.Value;
        cmd.Parameters[3].Value = visibleAt.Ticks;
        EventRow.Bind(cmd.Parameters, 4, e);
        cmd.ExecuteNonQuery();
    }

    public void DeleteMessage(long id) => Execute("DELETE FROM messages WHERE id = $1", id);

    public void DeleteActivityTask(long id) => Execute("DELETE FROM activity_tasks WHERE id = $1", id);

    public void InsertActivityTask(ActivityWorkItem item) => Execute(
        "INSERT INTO activity_tasks (id, instance_id, execution_id, task_id, name, input, attempt) VALUES ($1,$2,$3,$4,$5,$6,$7)",
        item.Id, item.InstanceId, item.ExecutionId, item.TaskId, item.Name, item.Input, item.Attempt);

    /// <summary>Writes a new instance row, replacing a finished instance with the same id.</summary>
    public void UpsertInstance(string id, string name, string executionId, OrchestrationRuntimeStatus status, string? input, DateTime now) => Execute(
        "INSERT OR REPLACE INTO instances (id, name, execution_id, status, input, created, updated) VALUES ($1,$2,$3,$4,$5,$6,$6)",
        id, name, executionId, (int)status, input, now.Ticks);

    public void UpdateInstance(string id, OrchestrationRuntimeStatus status, bool setCustomStatus, string? customStatus, DateTime now) => Execute(
        "UPDATE instances SET status = $2, updated = $3, custom_status = CASE WHEN $4 THEN $5 ELSE custom_status END WHERE id = $1",
        id, (int)status, now.Ticks, setCustomStatus, customStatus);

    /// <summary>Drops a finished execution's history, timers and activities; client messages not yet consumed stay for the next one.</summary>
    public void ResetExecution(string id, string executionId)
    {
        Execute("DELETE FROM history WHERE instance_id = $1", id);
        Execute("DELETE FROM activity_tasks WHERE instance_id = $1", id);
        Execute("DELETE FROM messages WHERE instance_id = $1 AND execution_id = $2", id, executionId);
    }

    public void CompleteInstance(string id, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure, DateTime now) => Execute(
        "UPDATE instances SET status = $2, output = $3, failure = $4, updated = $5, completed = $5 WHERE id = $1",
        id, (int)status, output, failure is null ? null : DurableJson.Serialize(failure), now.Ticks);

    public void ContinueAsNew(string id, string executionId, string? input, DateTime now) => Execute(
        "UPDATE instances SET status = $2, execution_id = $3, input = $4, updated = $5 WHERE id = $1",
        id, (int)OrchestrationRuntimeStatus.ContinuedAsNew, executionId, input, now.Ticks);

    /// <summary>Removes everything an instance owns except its row (history, inbox, pending activities).</summary>
    public void DeleteInstanceWork(string id, bool includeHistory)
    {
        Execute("DELETE FROM messages WHERE instance_id = $1", id);
        Execute("DELETE FROM activity_tasks WHERE instance_id = $1", id);
        if (includeHistory)
        {
            Execute("DELETE FROM history WHERE instance_id = $1", id);
        }
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

    public SqliteCommand CreateCommand(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = _transaction;
        return cmd;
    }

    public void Dispose()
    {
        foreach (var cmd in _commands.Values)
        {
            cmd.Dispose();
        }

        _transaction?.Dispose();
    }

    // Statements are prepared once and re-bound per row: parsing SQL per row would dominate the commit cost.
    private SqliteCommand Command(string sql, int parameterCount)
    {
        if (!_commands.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is a constant of this class; values are bound as parameters.
            cmd.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 1; i <= parameterCount; i++)
            {
                cmd.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            }

            _commands[sql] = cmd;
        }

        cmd.Transaction = _transaction;
        return cmd;
    }
}

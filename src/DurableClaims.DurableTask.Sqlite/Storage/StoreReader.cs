using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Data.Sqlite;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Reads of the task hub on pooled read connections; WAL lets them run beside the commit loop.</summary>
/// <remarks>Every read names a damaged file with <see cref="TaskHubCorruptException"/> (<see cref="Corruption.Guard"/>), so a bad page
/// never reaches callers as an argument or format error.</remarks>
internal sealed partial class StoreReader(string connectionString, string databasePath)
{
    private const string StateColumns = "id, execution_id, name, version, status, input, output, custom_status, failure, tags, parent, scheduled_start, created, updated, completed";

    public OrchestrationState? State(string instanceId, bool withInputsAndOutputs = true) =>
        Corruption.Guard(databasePath, () => ReadOne(instanceId, withInputsAndOutputs));

    /// <summary>The current execution's history, in order (one row per step).</summary>
    public List<HistoryEvent> History(string instanceId) => Corruption.Guard(databasePath, () => ReadHistory(instanceId));

    private OrchestrationState? ReadOne(string instanceId, bool withInputsAndOutputs)
    {
        using var connection = Open();
        using var cmd = Command(connection, $"SELECT {StateColumns} FROM instances WHERE id = $id", ("$id", instanceId));
        using var r = cmd.ExecuteReader();
        return r.Read() ? ReadState(r, withInputsAndOutputs) : null;
    }

    private List<HistoryEvent> ReadHistory(string instanceId)
    {
        using var connection = Open();
        using var cmd = Command(connection, "SELECT events FROM history WHERE instance_id = $id ORDER BY seq", ("$id", instanceId));
        using var r = cmd.ExecuteReader();
        var events = new List<HistoryEvent>();
        while (r.Read())
        {
            events.AddRange(CoreJson.Events(r.GetString(0)));
        }

        return events;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // SQL built from constants of this class; values are bound as parameters.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    private static OrchestrationState ReadState(SqliteDataReader r, bool withInputsAndOutputs)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        DateTime Time(int i) => r.IsDBNull(i) ? DateTime.MinValue : new DateTime(r.GetInt64(i), DateTimeKind.Utc);
        return new OrchestrationState
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = r.GetString(0), ExecutionId = r.GetString(1) },
            Name = r.GetString(2),
            Version = Text(3),
            OrchestrationStatus = (OrchestrationStatus)r.GetInt32(4),
            Input = withInputsAndOutputs ? Text(5) : null,
            Output = withInputsAndOutputs ? Text(6) : null,
            Status = Text(7),
            FailureDetails = CoreJson.Read<FailureDetails>(Text(8)),
            Tags = CoreJson.Read<Dictionary<string, string>>(Text(9)),
            ParentInstance = CoreJson.Read<ParentInstance>(Text(10)),
            ScheduledStartTime = r.IsDBNull(11) ? null : Time(11),
            CreatedTime = Time(12),
            LastUpdatedTime = Time(13),
            CompletedTime = Time(14),
        };
    }

}

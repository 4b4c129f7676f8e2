using DurableClaims.Durable.Core;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>Read queries on pooled connections; WAL lets them run while the writer commits.</summary>
internal sealed partial class StoreReader(string connectionString)
{
    private const string InstanceColumns = "id, name, status, created, updated, input, output, custom_status, failure";

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    public List<DurableEvent> LoadHistory(string instanceId, string executionId)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Schema.EventColumns} FROM history WHERE instance_id = $id AND execution_id = $exec ORDER BY seq";
        cmd.Parameters.AddWithValue("$id", instanceId);
        cmd.Parameters.AddWithValue("$exec", executionId);
        using var reader = cmd.ExecuteReader();
        var events = new List<DurableEvent>();
        while (reader.Read())
        {
            events.Add(EventRow.Read(reader, 0));
        }

        return events;
    }

    public List<HistoryEvent> LoadCurrentHistory(string instanceId)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Schema.EventColumns} FROM history WHERE instance_id = $id AND execution_id = (SELECT execution_id FROM instances WHERE id = $id) ORDER BY seq";
        cmd.Parameters.AddWithValue("$id", instanceId);
        using var reader = cmd.ExecuteReader();
        var events = new List<HistoryEvent>();
        while (reader.Read())
        {
            events.Add(EventRow.Read(reader, 0).ToPublic());
        }

        return events;
    }

    public OrchestrationMetadata? GetInstance(string instanceId, bool withData)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {InstanceColumns} FROM instances WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", instanceId);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadMetadata(reader, withData) : null;
    }

    private static OrchestrationMetadata ReadMetadata(SqliteDataReader r, bool withData) => new(r.GetString(1), r.GetString(0))
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)r.GetInt32(2),
        CreatedAt = new DateTimeOffset(r.GetInt64(3), TimeSpan.Zero),
        LastUpdatedAt = new DateTimeOffset(r.GetInt64(4), TimeSpan.Zero),
        SerializedInput = withData && !r.IsDBNull(5) ? r.GetString(5) : null,
        SerializedOutput = withData && !r.IsDBNull(6) ? r.GetString(6) : null,
        SerializedCustomStatus = withData && !r.IsDBNull(7) ? r.GetString(7) : null,
        FailureDetails = r.IsDBNull(8) ? null : DurableJson.Deserialize<TaskFailureDetails>(r.GetString(8)),
    };
}

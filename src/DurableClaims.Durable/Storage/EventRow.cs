using DurableClaims.Durable.Core;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>Maps a <see cref="DurableEvent"/> to and from the shared event columns.</summary>
internal static class EventRow
{
    public static void Bind(SqliteParameterCollection p, int offset, DurableEvent e)
    {
        p[offset].Value = (int)e.Kind;
        p[offset + 1].Value = e.TaskId;
        p[offset + 2].Value = (object?)e.Name ?? DBNull.Value;
        p[offset + 3].Value = (object?)e.Data ?? DBNull.Value;
        p[offset + 4].Value = e.Failure is null ? DBNull.Value : DurableJson.Serialize(e.Failure);
        p[offset + 5].Value = e.Timestamp.Ticks;
        p[offset + 6].Value = e.FireAt is { } fireAt ? fireAt.Ticks : DBNull.Value;
        p[offset + 7].Value = (object?)e.RefId ?? DBNull.Value;
        p[offset + 8].Value = (object?)e.RefExecutionId ?? DBNull.Value;
    }

    public static DurableEvent Read(SqliteDataReader r, int offset) => new((EventKind)r.GetInt32(offset))
    {
        TaskId = r.GetInt32(offset + 1),
        Name = r.IsDBNull(offset + 2) ? null : r.GetString(offset + 2),
        Data = r.IsDBNull(offset + 3) ? null : r.GetString(offset + 3),
        Failure = r.IsDBNull(offset + 4) ? null : DurableJson.Deserialize<TaskFailureDetails>(r.GetString(offset + 4)),
        Timestamp = new DateTime(r.GetInt64(offset + 5), DateTimeKind.Utc),
        FireAt = r.IsDBNull(offset + 6) ? null : new DateTime(r.GetInt64(offset + 6), DateTimeKind.Utc),
        RefId = r.IsDBNull(offset + 7) ? null : r.GetString(offset + 7),
        RefExecutionId = r.IsDBNull(offset + 8) ? null : r.GetString(offset + 8),
    };
}

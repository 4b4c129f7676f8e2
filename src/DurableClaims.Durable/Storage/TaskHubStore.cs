using DurableClaims.Durable.Core;
using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>What the engine loads at start-up: the live instances and their queued work.</summary>
internal sealed record StartupState(
    List<InstanceRow> Instances, List<InboxMessage> Messages, List<ActivityWorkItem> Activities, long MaxMessageId, long MaxActivityId);

/// <summary>Opens a task hub: takes the ownership lock, opens the SQLite file in WAL mode and creates the schema.</summary>
internal sealed class TaskHubStore : IDisposable
{
    private const string ActiveStatuses = "(0, 2, 6, 7)";
    private readonly TaskHubLock _lock;
    private readonly SqliteConnection _connection;

    private TaskHubStore(TaskHubLock hubLock, SqliteConnection connection, string connectionString)
    {
        _lock = hubLock;
        _connection = connection;
        Writer = new StoreWriter(connection);
        Reader = new StoreReader(connectionString);
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public StoreWriter Writer { get; }

    public StoreReader Reader { get; }

    public static TaskHubStore Open(DurableEngineOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var path = Path.GetFullPath(options.DatabasePath);
        var hubLock = TaskHubLock.Acquire(path);
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            var synchronous = options.SqliteSynchronous == SqliteSynchronousMode.Full ? "FULL" : "NORMAL";
            Run(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;");
            Run(connection, Schema.Create);
            return new TaskHubStore(hubLock, connection, connectionString);
        }
        catch
        {
            hubLock.Dispose();
            throw;
        }
    }

    /// <summary>Drops work left for finished instances and loads what live instances still need.</summary>
    public StartupState LoadStartupState()
    {
        Run(_connection, $"""
            DELETE FROM messages WHERE instance_id NOT IN (SELECT id FROM instances WHERE status IN {ActiveStatuses});
            DELETE FROM activity_tasks WHERE instance_id NOT IN (SELECT id FROM instances WHERE status IN {ActiveStatuses});
            UPDATE activity_tasks SET attempt = attempt + 1;
            """);
        var instances = new List<InstanceRow>();
        using (var cmd = Command($"SELECT id, name, execution_id, status FROM instances WHERE status IN {ActiveStatuses}"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                instances.Add(new InstanceRow(r.GetString(0), r.GetString(1), r.GetString(2), (OrchestrationRuntimeStatus)r.GetInt32(3)));
            }
        }

        var messages = new List<InboxMessage>();
        using (var cmd = Command($"SELECT id, instance_id, execution_id, visible_at, {Schema.EventColumns} FROM messages ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                messages.Add(new InboxMessage
                {
                    MessageId = r.GetInt64(0),
                    InstanceId = r.GetString(1),
                    ExecutionId = r.IsDBNull(2) ? null : r.GetString(2),
                    VisibleAt = new DateTime(r.GetInt64(3), DateTimeKind.Utc),
                    Event = EventRow.Read(r, 4),
                });
            }
        }

        var activities = new List<ActivityWorkItem>();
        using (var cmd = Command("SELECT id, instance_id, execution_id, task_id, name, input, attempt FROM activity_tasks ORDER BY id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                activities.Add(new ActivityWorkItem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6)));
            }
        }

        return new StartupState(instances, messages, activities, Scalar("SELECT COALESCE(MAX(id), 0) FROM messages"), Scalar("SELECT COALESCE(MAX(id), 0) FROM activity_tasks"));
    }

    public void Dispose()
    {
        Writer.Dispose();
        SqliteConnection.ClearPool(_connection);
        _connection.Dispose();
        _lock.Dispose();
    }

    private long Scalar(string sql)
    {
        using var cmd = Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL of this class.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        return cmd;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL of this class.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.ExecuteNonQuery();
    }
}

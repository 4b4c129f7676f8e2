using System.Diagnostics;
using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableTask.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SQLitePCL;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>A live instance as stored.</summary>
internal sealed record LiveInstance(string InstanceId, string ExecutionId, OrchestrationStatus Status);

/// <summary>A message for an instance, visible from a time on (timers, delayed starts).</summary>
/// <remarks>
/// Usually a stored row. An activity result is not stored on its own: its activity row stays until the step that
/// consumes the result commits, so a crash before that step simply runs the activity again (at least once).
/// </remarks>
internal sealed record StoredMessage(long Id, string InstanceId, DateTime VisibleAt, TaskMessage Message, long? ActivityId = null)
{
    /// <summary>The message's stored form, computed by its creator so that the commit loop only binds strings.</summary>
    public string? Json { get; init; }

    /// <summary>Set on the commit thread when the message's own insert failed: no step may apply it.</summary>
    public bool StoreFailed { get => Volatile.Read(ref _storeFailed); set => Volatile.Write(ref _storeFailed, value); }

    private bool _storeFailed;

    /// <summary>A message about to be stored, serialized on the caller's thread.</summary>
    public static StoredMessage ToStore(long id, string instanceId, DateTime visibleAt, TaskMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.SequenceNumber = id;
        return new StoredMessage(id, instanceId, visibleAt, message) { Json = CoreJson.Serialize(message) };
    }

    /// <summary>Deletes what stands for this message in the store, inside the consuming step's transaction.</summary>
    public void DeleteFrom(StoreWriter writer)
    {
        if (ActivityId is { } activity)
        {
            writer.DeleteActivity(activity);
        }
        else
        {
            writer.DeleteMessage(Id);
        }
    }
}

/// <summary>What the service loads at start: live instances and their queued work.</summary>
internal sealed record StartupState(List<LiveInstance> Instances, List<StoredMessage> Messages, List<(long Id, TaskMessage Message)> Activities, long MaxId);

/// <summary>Opens a task hub: takes the ownership lock, opens the SQLite file in WAL mode and creates the schema.</summary>
internal sealed class TaskHubStore : IDisposable
{
    private readonly TaskHubLock _lock;
    private readonly SqliteConnection _connection;

    private TaskHubStore(TaskHubLock hubLock, SqliteConnection connection, string connectionString, string databasePath)
    {
        DatabasePath = databasePath;
        _lock = hubLock;
        _connection = connection;
        Writer = new StoreWriter(connection);
        Reader = new StoreReader(connectionString, databasePath);
        Checkpointer = new WalCheckpointer(connectionString);
    }

    public StoreWriter Writer { get; }

    public StoreReader Reader { get; }

    public WalCheckpointer Checkpointer { get; }

    public string DatabasePath { get; }

    /// <summary>Takes the lock, opens the file, checks it (<see cref="SqliteOrchestrationServiceOptions.IntegrityCheck"/>) and creates the schema.</summary>
    /// <exception cref="TaskHubCorruptException">The file is damaged or is not a SQLite database.</exception>
    public static TaskHubStore Open(SqliteOrchestrationServiceOptions options, ILogger logger)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var hubLock = TaskHubLock.Acquire(path);
        SqliteConnection? connection = null;
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            connection = new SqliteConnection(connectionString);
            connection.Open();
            var synchronous = options.Durability == SqliteDurability.Full ? "FULL" : "NORMAL";
            Run(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=5000; PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=0;");
            if (options.IntegrityCheck == SqliteIntegrityCheck.QuickCheck)
            {
                QuickCheck(connection, path, options.IntegrityCheckTimeout, logger);
            }

            Run(connection, Schema.Create);
            return new TaskHubStore(hubLock, connection, connectionString, path);
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                SqliteConnection.ClearPool(connection);
                connection.Dispose();
            }

            hubLock.Dispose();
            var named = Corruption.Name(ex, path);
            if (named is TaskHubCorruptException corrupt)
            {
                Logs.TaskHubCorrupt(logger, path, corrupt.Detail);
            }

            if (ReferenceEquals(named, ex))
            {
                throw;
            }

            throw named;
        }
    }

    /// <summary>SQLite's quick check (pages, records, free list; no index-to-table cross-check), stopped after <paramref name="timeout"/>.</summary>
    private static void QuickCheck(SqliteConnection connection, string path, TimeSpan timeout, ILogger logger)
    {
        var started = Stopwatch.GetTimestamp();
        var problems = new List<string>();
        var gate = new Lock();
        var finished = false;
        var interrupted = false;

        // sqlite3_interrupt is the one thread-safe way to stop a running statement. The timer fires on another thread,
        // so the gate keeps it from touching the connection once the check is over (and the connection maybe closed).
        void Interrupt(object? state)
        {
            lock (gate)
            {
                if (!finished)
                {
                    interrupted = true;
                    raw.sqlite3_interrupt(connection.Handle);
                }
            }
        }

        using (var deadline = new Timer(Interrupt, null, timeout, Timeout.InfiniteTimeSpan))
        {
            try
            {
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA quick_check(20);";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    problems.Add(r.GetString(0));
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == raw.SQLITE_INTERRUPT)
            {
                Logs.IntegrityCheckStopped(logger, path, timeout);
                return;
            }
            finally
            {
                lock (gate)
                {
                    finished = true;
                }
            }
        }

        if (interrupted && problems.Count == 0)
        {
            Logs.IntegrityCheckStopped(logger, path, timeout);
            return;
        }

        if (problems is not ["ok"])
        {
            throw new TaskHubCorruptException(path, $"SQLite's integrity check found {string.Join("; ", problems)}");
        }

        Logs.IntegrityChecked(logger, path, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Deletes the task hub's files (the service must not be open).</summary>
    public static void Delete(SqliteOrchestrationServiceOptions options)
    {
        var path = Path.GetFullPath(options.DatabasePath);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }

    /// <summary>Drops work left for finished instances and loads what live instances still need.</summary>
    public StartupState LoadStartupState() => Corruption.Guard(DatabasePath, LoadStartupStateUnguarded);

    private StartupState LoadStartupStateUnguarded()
    {
        Run(_connection, $"""
            DELETE FROM messages WHERE instance_id NOT IN (SELECT id FROM instances WHERE status IN {Schema.LiveStatuses});
            DELETE FROM activities WHERE instance_id NOT IN (SELECT id FROM instances WHERE status IN {Schema.LiveStatuses});
            """);
        var instances = new List<LiveInstance>();
        Read($"SELECT id, execution_id, status FROM instances WHERE status IN {Schema.LiveStatuses}", r =>
            instances.Add(new LiveInstance(r.GetString(0), r.GetString(1), (OrchestrationStatus)r.GetInt32(2))));
        var messages = new List<StoredMessage>();
        Read("SELECT id, instance_id, visible_at, message FROM messages ORDER BY id", r =>
            messages.Add(new StoredMessage(r.GetInt64(0), r.GetString(1), new DateTime(r.GetInt64(2), DateTimeKind.Utc), CoreJson.Message(r.GetString(3)))));
        var activities = new List<(long, TaskMessage)>();
        Read("SELECT id, message FROM activities ORDER BY id", r => activities.Add((r.GetInt64(0), CoreJson.Message(r.GetString(1)))));
        long maxId = 0;
        Read("SELECT MAX(COALESCE((SELECT MAX(id) FROM messages), 0), COALESCE((SELECT MAX(id) FROM activities), 0))", r => maxId = r.GetInt64(0));
        return new StartupState(instances, messages, activities, maxId);
    }

    public void Dispose()
    {
        Checkpointer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Writer.Dispose();
        SqliteConnection.ClearPool(_connection);
        _connection.Dispose();
        _lock.Dispose();
    }

    private void Read(string sql, Action<SqliteDataReader> row)
    {
        using var cmd = _connection.CreateCommand();
#pragma warning disable CA2100 // Constant SQL of this class.
        cmd.CommandText = sql;
#pragma warning restore CA2100
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            row(r);
        }
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

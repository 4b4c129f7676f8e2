using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Tests.Infrastructure;

/// <summary>Holds SQLite's write lock from a second connection, so the engine's next commit waits and stays not durable.</summary>
/// <remarks>
/// While the lock is held, what the store contains is exactly what a SIGKILL at that moment would leave behind:
/// <see cref="Snapshot"/> copies it, and an engine started on the copy shows recovery after such a crash.
/// </remarks>
internal sealed class WriterBlock : IDisposable
{
    private readonly string _databasePath;
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    public WriterBlock(string databasePath)
    {
        _databasePath = databasePath;
        _connection = Open(databasePath);
        _transaction = _connection.BeginTransaction(deferred: false);
    }

    /// <summary>Writes a consistent copy of everything committed so far to <paramref name="targetPath"/>.</summary>
    public void Snapshot(string targetPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
        using var reader = Open(_databasePath);
        using var cmd = reader.CreateCommand();
        cmd.CommandText = "VACUUM INTO $path";
        cmd.Parameters.AddWithValue("$path", targetPath);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Lets the engine's writer go on.</summary>
    public void Release()
    {
        _transaction?.Rollback();
        _transaction?.Dispose();
        _transaction = null;
    }

    public void Dispose()
    {
        Release();
        _connection.Dispose();
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}

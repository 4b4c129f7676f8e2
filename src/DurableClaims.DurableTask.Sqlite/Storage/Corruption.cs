using Microsoft.Data.Sqlite;
using Newtonsoft.Json;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Tells a damaged task hub from other failures and names it with <see cref="TaskHubCorruptException"/>.</summary>
internal static class Corruption
{
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    /// <summary>SQLITE_CORRUPT (any extended code) or SQLITE_NOTADB.</summary>
    public static bool IsSqliteCorruption(Exception error) =>
        error is SqliteException { SqliteErrorCode: var code } && (code & 0xFF) is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>A stored value that cannot be decoded: garbage that SQLite itself did not notice (ticks out of range, broken JSON).</summary>
    public static bool IsUndecodable(Exception error) =>
        error is JsonException or ArgumentOutOfRangeException or InvalidCastException or FormatException or OverflowException;

    /// <summary>The error to throw: a <see cref="TaskHubCorruptException"/> for corruption, otherwise the error itself.</summary>
    public static Exception Name(Exception error, string databasePath) => error switch
    {
        TaskHubCorruptException => error,
        _ when IsSqliteCorruption(error) => new TaskHubCorruptException(databasePath, error.Message, error),
        _ => error,
    };

    /// <summary>Runs a read; SQLite corruption and undecodable rows become <see cref="TaskHubCorruptException"/>.</summary>
    public static T Guard<T>(string databasePath, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsSqliteCorruption(ex))
        {
            throw new TaskHubCorruptException(databasePath, ex.Message, ex);
        }
        catch (Exception ex) when (IsUndecodable(ex))
        {
            throw new TaskHubCorruptException(databasePath, $"a stored row cannot be read ({ex.GetType().Name}: {ex.Message})", ex);
        }
    }
}

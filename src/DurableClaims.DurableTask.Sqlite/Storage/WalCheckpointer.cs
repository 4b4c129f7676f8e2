using Microsoft.Data.Sqlite;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Copies the WAL back into the database on a connection of its own, so no commit pays for it.</summary>
/// <remarks>SQLite's automatic checkpoint runs inside whichever commit crosses its threshold and, with synchronous=FULL,
/// adds database-file fsyncs to that commit; the writer turns it off and nudges this loop instead.</remarks>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private const int CommitsPerCheckpoint = 256;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _connectionString;
    private readonly Task _loop;
    private int _commits;

    public WalCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) % CommitsPerCheckpoint == 0 && _due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // A checkpoint is already due.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task RunAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            while (true)
            {
                await _due.WaitAsync(_stop.Token);
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                try
                {
                    cmd.ExecuteNonQuery();
                }
                catch (SqliteException)
                {
                    // A passive checkpoint that could not run only delays reuse of the WAL; the next one catches up.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing the hub.
        }
    }
}

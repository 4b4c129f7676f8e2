using Microsoft.Data.Sqlite;

namespace DurableClaims.Durable.Storage;

/// <summary>Runs WAL checkpoints on its own connection, off the commit path.</summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside whichever commit crosses the threshold and, with
/// synchronous=FULL, adds fsyncs of the database file to that commit: a latency spike for every
/// step in the batch. The writer disables it and signals this loop every few hundred transactions.
/// </remarks>
internal sealed class WalCheckpointer : IAsyncDisposable
{
    private const int TransactionsPerCheckpoint = 200;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _connectionString;
    private readonly Task _loop;
    private int _transactions;

    public WalCheckpointer(string connectionString)
    {
        _connectionString = connectionString;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Counts a committed transaction; wakes the checkpoint loop when enough have accumulated.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _transactions) % TransactionsPerCheckpoint == 0 && _signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _signal.Dispose();
    }

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                await _signal.WaitAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                using var connection = new SqliteConnection(_connectionString);
                connection.Open();
                using var cmd = connection.CreateCommand();
                cmd.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                cmd.ExecuteNonQuery();
            }
            catch (SqliteException)
            {
                // A failed passive checkpoint only delays WAL reuse; the next signal retries.
            }
        }
    }
}

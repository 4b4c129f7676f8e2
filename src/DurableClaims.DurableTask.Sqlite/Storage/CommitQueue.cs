using System.Diagnostics;
using System.Threading.Channels;
using DurableClaims.DurableTask.Sqlite.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Group commit: one loop writes every waiting request in one transaction, so many steps share one fsync.</summary>
internal sealed class CommitQueue : IAsyncDisposable
{
    private readonly Channel<CommitRequest> _queue = Channel.CreateUnbounded<CommitRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StoreWriter _writer;
    private readonly WalCheckpointer _checkpointer;
    private readonly KeyValuePair<string, object?> _hubTag;
    private int _pending;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly string _databasePath;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CommitQueue(StoreWriter writer, WalCheckpointer checkpointer, int maxBatch, KeyValuePair<string, object?> hubTag, ILogger logger, string databasePath)
    {
        _databasePath = databasePath;
        _hubTag = hubTag;
        _checkpointer = checkpointer;
        _writer = writer;
        _maxBatch = maxBatch;
        _logger = logger;
        // A thread of its own: the loop blocks in SQLite (writes, fsync) and must not queue behind thread-pool work.
        new Thread(Run) { IsBackground = true, Name = "SQLite task hub commits" }.Start();
    }

    // The single-reader channel cannot count its items, so the queue keeps its own count.
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Writes <paramref name="write"/> in the next transaction; completes once that transaction is durable.</summary>
    /// <param name="write">Writes the request's rows inside the shared transaction.</param>
    /// <param name="failed">Runs on the commit thread, before any later request is written, when this one failed.</param>
    public Task CommitAsync(Action<StoreWriter> write, Action? failed = null)
    {
        var request = new CommitRequest(write, failed);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _pending);
            return Task.FromException(new ObjectDisposedException(nameof(SqliteOrchestrationService), "The SQLite task hub is closed."));
        }

        return request.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopped.Task;
    }

    private void Run()
    {
        try
        {
            WriteUntilClosed();
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    private void WriteUntilClosed()
    {
        var batch = new List<CommitRequest>(_maxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            Interlocked.Add(ref _pending, -batch.Count);

            if (!TryWrite(batch))
            {
                // One bad request must not fail the others: write each alone.
                foreach (var request in batch)
                {
                    TryWrite([request]);
                }
            }

            batch.Clear();
        }
    }

    private bool TryWrite(List<CommitRequest> batch)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            _writer.Begin();
            foreach (var request in batch)
            {
                request.Write(_writer);
            }

            _writer.Commit();
        }
#pragma warning disable CA1031 // A failed batch is retried request by request; the error reaches each request's owner.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _writer.Rollback();
            if (batch.Count > 1)
            {
                return false;
            }

            Logs.CommitFailed(_logger, ex);
            var named = Corruption.Name(ex, _databasePath);
            if (named is TaskHubCorruptException corrupt)
            {
                Logs.TaskHubCorrupt(_logger, _databasePath, corrupt.Detail);
            }

            batch[0].Failed?.Invoke();
            batch[0].Completion.TrySetException(named);
            return true;
        }

        _checkpointer.Committed();
        SqliteProviderMetrics.CommitBatchSize.Record(batch.Count, _hubTag);
        SqliteProviderMetrics.CommitLatency.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, _hubTag);
        foreach (var request in batch)
        {
            request.Completion.TrySetResult();
        }

        return true;
    }

    private sealed class CommitRequest(Action<StoreWriter> write, Action? failed)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action? Failed => failed;

        public void Write(StoreWriter writer) => write(writer);
    }
}

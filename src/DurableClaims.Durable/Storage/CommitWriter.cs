using System.Threading.Channels;
using DurableClaims.Durable.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Durable.Storage;

/// <summary>Group commit: one loop writes every waiting request in one transaction, so many steps share one fsync.</summary>
internal sealed class CommitWriter : IAsyncDisposable
{
    private readonly Channel<CommitRequest> _queue = Channel.CreateUnbounded<CommitRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly StoreWriter _writer;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Action _afterCommit;
    private readonly Task _loop;

    public CommitWriter(StoreWriter writer, int maxBatch, ILogger logger, Action afterCommit)
    {
        _afterCommit = afterCommit;
        _writer = writer;
        _maxBatch = maxBatch;
        _logger = logger;
        _loop = Task.Factory.StartNew(RunAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Queues a request; it is acted on (Committed) only after its transaction is durable.</summary>
    public void Submit(CommitRequest request)
    {
        if (!_queue.Writer.TryWrite(request))
        {
            request.Failed(new ObjectDisposedException(nameof(CommitWriter), "The durable engine is stopping."));
        }
    }

    /// <summary>Queues a request and waits for it to be durable.</summary>
    public Task<T> SubmitAsync<T>(Func<StoreWriter, T> write, Action<T>? committed = null)
    {
        var request = new AwaitableCommit<T>(write, committed);
        Submit(request);
        return request.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<CommitRequest>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            if (!TryWrite(batch))
            {
                // One bad request must not fail the others: retry each alone.
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
        try
        {
            _writer.Begin();
            foreach (var request in batch)
            {
                request.Write(_writer);
            }

            _writer.Commit();
        }
#pragma warning disable CA1031 // A failed batch is retried per request; the error reaches each request's owner.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _writer.Rollback();
            if (batch.Count > 1)
            {
                return false;
            }

            Log.CommitFailed(_logger, batch.Count, ex);
            batch[0].Failed(ex);
            return true;
        }

        DurableTelemetry.CommitBatchSize.Record(batch.Count);
        _afterCommit();
        foreach (var request in batch)
        {
            try
            {
                request.Committed();
            }
#pragma warning disable CA1031 // A faulty post-commit action must not stop the loop that every other commit depends on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.LoopFailed(_logger, "post-commit", ex);
            }
        }

        return true;
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Assistant;

/// <summary>Runs answers in the background, apart from the request that asked: a client that leaves does not stop its answer from being written and stored.</summary>
/// <remarks>On shutdown the host waits for the answers in progress (they are short) within its shutdown timeout, then cancels the rest.</remarks>
public sealed partial class AssistantTurns(ILogger<AssistantTurns> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Gets how many answers are being written now.</summary>
    public int Running
    {
        get
        {
            lock (_gate)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>Starts <paramref name="turn"/> with the host's stopping token (never a request's).</summary>
    public Task Start(Func<CancellationToken, Task> turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var task = Task.Run(() => turn(_stopping.Token), CancellationToken.None);
        lock (_gate)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _running.Remove(done);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] running;
        lock (_gate)
        {
            running = [.. _running];
        }

        if (running.Length == 0)
        {
            return;
        }

        Log.WaitingForAnswers(logger, running.Length);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Each turn logs its own failure; stopping goes on.
        }
    }

    public void Dispose() => _stopping.Dispose();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4705, Level = LogLevel.Information, Message = "Waiting for {Count} assistant answer(s) in progress before stopping")]
        public static partial void WaitingForAnswers(ILogger logger, int count);
    }
}

using System.Collections.Concurrent;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>What the workers reported on stdout: which instances wait for their event and which finished, as tasks the coordinator awaits.</summary>
internal sealed class SignalBoard
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _done = new();

    /// <summary>Gets or sets a callback run once per instance when it first waits (on the reader's thread; keep it short).</summary>
    public Action<string>? OnWaiting { get; set; }

    public Task Waiting(string id) => Source(_waiting, id).Task;

    public Task Done(string id) => Source(_done, id).Task;

    public void ReportWaiting(string id)
    {
        // A step that ran twice (a lease moved mid-step) reports twice; the event is raised once.
        if (Source(_waiting, id).TrySetResult())
        {
            OnWaiting?.Invoke(id);
        }
    }

    public void ReportDone(string id) => Source(_done, id).TrySetResult();

    private static TaskCompletionSource Source(ConcurrentDictionary<string, TaskCompletionSource> map, string id) =>
        map.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

namespace DurableClaims.Durable.Tests.Infrastructure;

/// <summary>A latch a test opens to let a blocked activity finish (to order events deterministically).</summary>
internal sealed class Gate
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync() => _open.Task.WaitAsync(EngineHarness.Patience);

    public void Open() => _open.TrySetResult();
}

namespace DurableClaims.Durable.Storage;

/// <summary>A unit of work for the group-commit writer: written inside a shared transaction, acted on only once durable.</summary>
internal abstract class CommitRequest
{
    /// <summary>Writes the request's rows; runs inside the batch transaction on the writer thread.</summary>
    public abstract void Write(StoreWriter writer);

    /// <summary>Called on the writer thread once the transaction is durable; must be quick and must not throw.</summary>
    public abstract void Committed();

    /// <summary>Called when the request could not be written (its transaction rolled back).</summary>
    public abstract void Failed(Exception error);
}

/// <summary>A commit request a caller can await (client operations).</summary>
internal sealed class AwaitableCommit<T>(Func<StoreWriter, T> write, Action<T>? committed = null) : CommitRequest
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Completion => _completion.Task;

    public override void Write(StoreWriter writer) => _result = write(writer);

    public override void Committed()
    {
        committed?.Invoke(_result);
        _completion.TrySetResult(_result);
    }

    public override void Failed(Exception error) => _completion.TrySetException(error);
}

namespace DurableClaims.Durable.Storage;

/// <summary>Exclusive ownership of a task hub: a lock file held open with FileShare.None (flock on Linux).</summary>
/// <remarks>The OS releases the lock when the process dies, so a killed owner never blocks a restart.</remarks>
internal sealed class TaskHubLock : IDisposable
{
    private readonly FileStream _stream;

    private TaskHubLock(FileStream stream) => _stream = stream;

    public static TaskHubLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            return new TaskHubLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new TaskHubLockedException(databasePath, ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}

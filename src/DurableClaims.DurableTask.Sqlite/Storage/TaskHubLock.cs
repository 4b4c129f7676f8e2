namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Exclusive ownership of a task hub: a lock file held open with FileShare.None (flock on Linux).</summary>
/// <remarks>The OS drops the lock when the process dies, so a killed owner never blocks its restart.</remarks>
internal sealed class TaskHubLock : IDisposable
{
    private readonly FileStream _stream;

    private TaskHubLock(FileStream stream) => _stream = stream;

    public static TaskHubLock Acquire(string databasePath)
    {
        try
        {
            return new TaskHubLock(new FileStream(databasePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new TaskHubInUseException(databasePath, ex);
        }
    }

    public void Dispose() => _stream.Dispose();
}

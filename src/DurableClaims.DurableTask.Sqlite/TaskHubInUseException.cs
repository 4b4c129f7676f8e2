namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Thrown when another process already owns the SQLite task hub.</summary>
public sealed class TaskHubInUseException : IOException
{
    /// <summary>Creates the exception for a task hub file.</summary>
    public TaskHubInUseException(string databasePath, Exception inner)
        : base($"The task hub '{databasePath}' is in use by another process. A SQLite task hub has one owner at a time: stop the other process, or give this one its own data directory.", inner)
    {
        DatabasePath = databasePath;
    }

    /// <summary>The task hub's database file.</summary>
    public string DatabasePath { get; }
}

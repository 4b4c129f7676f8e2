namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Thrown when the SQLite task hub's file is damaged: at start (integrity check) or when a read or write meets a bad page or row.</summary>
/// <remarks>A storage failure of the server, never a client error: hosts answer it with 503, not 400 or 404.</remarks>
public sealed class TaskHubCorruptException : IOException
{
    /// <summary>Creates the exception for a task hub file.</summary>
    public TaskHubCorruptException(string databasePath, string detail, Exception? inner = null)
        : base($"The task hub '{databasePath}' is damaged: {detail}. Stop the process and restore the file from a backup; moving it aside starts an empty task hub, and the instances it held are lost.", inner)
    {
        DatabasePath = databasePath;
        Detail = detail;
    }

    /// <summary>The task hub's database file.</summary>
    public string DatabasePath { get; }

    /// <summary>What SQLite (or the row decoder) reported.</summary>
    public string Detail { get; }
}

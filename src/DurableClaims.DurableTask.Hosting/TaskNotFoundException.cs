namespace DurableClaims.DurableTask.Hosting;

/// <summary>Thrown (and reported as the activity's failure) when no task of the requested name is registered.</summary>
public sealed class TaskNotFoundException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TaskNotFoundException"/> class.</summary>
    public TaskNotFoundException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskNotFoundException"/> class.</summary>
    public TaskNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TaskNotFoundException"/> class.</summary>
    public TaskNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace DurableClaims.Durable;

/// <summary>Describes why an activity, sub-orchestration or orchestration failed.</summary>
/// <param name="ErrorType">Full name of the exception type that caused the failure.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, when available.</param>
/// <param name="InnerFailure">The inner failure, when the exception had an inner exception.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace = null, TaskFailureDetails? InnerFailure = null)
{
    /// <summary>Returns whether the failure was caused by an exception of type <typeparamref name="T"/> (or a subtype).</summary>
    public bool IsCausedBy<T>() where T : Exception
    {
        for (var type = Type.GetType(ErrorType, throwOnError: false); type is not null; type = type.BaseType)
        {
            if (type == typeof(T))
            {
                return true;
            }
        }

        return string.Equals(ErrorType, typeof(T).FullName, StringComparison.Ordinal);
    }

    /// <summary>Builds failure details from an exception.</summary>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";
}

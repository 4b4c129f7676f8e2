namespace DurableClaims.Cli.Infrastructure;

/// <summary>The caller's input is wrong (exit code 2); the message and each detail line go to stderr.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message, IReadOnlyList<string>? details = null)
        : base(message)
    {
        Details = details ?? [];
    }

    public CliInputException()
        : this("Invalid input.")
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    /// <summary>Gets one line per problem, e.g. one per invalid field.</summary>
    public IReadOnlyList<string> Details { get; }
}

namespace DurableClaims.Cli.Infrastructure;

/// <summary>Process exit codes of the durableclaims command line.</summary>
internal static class ExitCodes
{
    /// <summary>The command ran; for process/resume any claim outcome (approved, denied, paused, stalled, timeout, error) counts.</summary>
    public const int Success = 0;

    /// <summary>Something went wrong that is not the caller's input (engine, server, I/O).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unreadable file, invalid claim, unknown claim, bad option value.</summary>
    public const int BadInput = 2;
}

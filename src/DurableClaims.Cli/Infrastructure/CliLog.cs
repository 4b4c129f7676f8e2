using Microsoft.Extensions.Logging;

namespace DurableClaims.Cli.Infrastructure;

/// <summary>The CLI's log messages (written to stderr with --verbose only).</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Running '{Command}' against {Target}")]
    public static partial void CommandStarting(ILogger logger, string command, string target);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Claim {ClaimId} started")]
    public static partial void ClaimStarted(ILogger logger, string claimId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Sent {Count} document(s) to claim {ClaimId}")]
    public static partial void DocumentsSent(ILogger logger, int count, string claimId);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "Claim {ClaimId} settled as {Status} ({Reason})")]
    public static partial void ClaimSettled(ILogger logger, string claimId, string status, string? reason);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Wrote {Path}")]
    public static partial void FileWritten(ILogger logger, string path);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "Bad input: {Message}")]
    public static partial void BadInput(ILogger logger, string message);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "Command '{Command}' failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "Embedded engine started on {DataDirectory}")]
    public static partial void EngineStarted(ILogger logger, string dataDirectory);
}

using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Output;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Cli.Infrastructure;

/// <summary>What a command runs with: the global settings, its output, logging and a way to reach the claims API.</summary>
internal sealed class CommandContext : IDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    public CommandContext(CliSettings settings, CliOutput output)
    {
        Settings = settings;
        Output = output;
        _loggerFactory = settings.Verbose ? LoggerFactory.Create(ConfigureLogging) : NullLoggerFactory.Instance;
        Logger = _loggerFactory.CreateLogger("DurableClaims.Cli");
    }

    public CliSettings Settings { get; }

    public CliOutput Output { get; }

    public ILogger Logger { get; }

    /// <summary>Gets a short description of where commands go (the server URL or the data directory).</summary>
    public string Target => Settings.Server?.ToString() ?? "embedded engine at " + Settings.DataDirectory;

    /// <summary>Opens the embedded engine on the data directory, or an HTTP client for --server.</summary>
    public async Task<IClaimsClient> OpenClientAsync(CancellationToken cancellationToken)
    {
        CliLog.CommandStarting(Logger, Environment.CommandLine, Target);
        if (Settings.Server is { } server)
        {
            return new HttpClaimsClient(server, Settings.FunctionsKey);
        }

        return await EmbeddedClaimsClient.StartAsync(Settings, ConfigureLogging, cancellationToken);
    }

    /// <summary>Sends logs to stderr when --verbose is on; nothing otherwise.</summary>
    public void ConfigureLogging(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        if (!Settings.Verbose)
        {
            return;
        }

        logging.SetMinimumLevel(LogLevel.Debug);
        logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public void Dispose() => _loggerFactory.Dispose();
}

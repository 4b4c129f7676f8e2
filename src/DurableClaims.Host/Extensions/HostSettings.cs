using Microsoft.Extensions.Configuration;

namespace DurableClaims.Host.Extensions;

/// <summary>Settings of the local host read once at start-up (command line, environment, appsettings).</summary>
public sealed record HostSettings
{
    /// <summary>The default data directory, relative to the working directory.</summary>
    public const string DefaultDataDirectory = "./.durableclaims";

    /// <summary>Gets the data directory (task hub, local session and document folders).</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Gets the accepted function keys; empty means no key is required and the host binds loopback only.</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Gets the largest request body the host accepts (documents included).</summary>
    public long MaxRequestBodyBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Gets the largest claim submission (JSON or Markdown) the host accepts.</summary>
    public long MaxClaimBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets the largest Event Grid delivery the host accepts.</summary>
    public long MaxEventBytes { get; init; } = 1024 * 1024;

    /// <summary>Gets the thread-pool worker floor (see HostBuilderExtensions for why).</summary>
    public int MinWorkerThreads { get; init; } = 64;

    /// <summary>Gets how long stopping (SIGTERM, Ctrl+C) may take: requests in flight get this long, then are aborted (<c>HostOptions.ShutdownTimeout</c>).</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public bool KeysRequired => Keys.Count > 0;

    /// <summary>Reads the settings: <c>--data-dir</c> / <c>DURABLECLAIMS_DATA</c>, <c>Host:Keys</c> / <c>DURABLECLAIMS_API_KEYS</c> (comma-separated), <c>Host:MaxRequestBodyBytes</c>, <c>Host:ShutdownTimeout</c>.</summary>
    public static HostSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = FirstNonEmpty(configuration["data-dir"], configuration["DataDirectory"], configuration["DURABLECLAIMS_DATA"])
            ?? DefaultDataDirectory;
        var host = configuration.GetSection("Host");
        var keys = host.GetSection("Keys").GetChildren().Select(c => c.Value)
            .Concat(SplitKeys(host["Keys"]))
            .Concat(SplitKeys(configuration["DURABLECLAIMS_API_KEYS"]))
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new HostSettings
        {
            DataDirectory = Path.GetFullPath(dataDirectory),
            Keys = keys,
            MaxRequestBodyBytes = host.GetValue("MaxRequestBodyBytes", 32L * 1024 * 1024),
            MaxClaimBytes = host.GetValue("MaxClaimBytes", 1024L * 1024),
            MaxEventBytes = host.GetValue("MaxEventBytes", 1024L * 1024),
            MinWorkerThreads = host.GetValue("MinWorkerThreads", 64),
            ShutdownTimeout = host.GetValue("ShutdownTimeout", TimeSpan.FromSeconds(20)),
        };
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    private static string[] SplitKeys(string? value)
        => string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

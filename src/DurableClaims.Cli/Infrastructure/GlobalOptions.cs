using System.CommandLine;

namespace DurableClaims.Cli.Infrastructure;

/// <summary>The options every command accepts (--data-dir, --json, --server, --verbose).</summary>
internal sealed class GlobalOptions
{
    /// <summary>The environment variable that sets the data directory when --data-dir is absent.</summary>
    public const string DataDirectoryVariable = "DURABLECLAIMS_DATA";

    public Option<string?> DataDirectory { get; } = new("--data-dir")
    {
        Description = $"Data directory of the embedded engine and stores (default: ${DataDirectoryVariable} or ./.durableclaims).",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one machine-readable JSON document to stdout (the same objects as the HTTP API).",
        Recursive = true,
    };

    public Option<Uri?> Server { get; } = new("--server")
    {
        Description = "Talk to a running host (e.g. http://127.0.0.1:5080) instead of the embedded engine.",
        HelpName = "URL",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--server must be an absolute http(s) URL, not '{text}'.");
            return null;
        },
    };

    public Option<string?> FunctionsKey { get; } = new("--key")
    {
        Description = "Function key sent as x-functions-key with --server (default: $DURABLECLAIMS_KEY).",
        HelpName = "KEY",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Write diagnostic logs to stderr.",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Add(DataDirectory);
        command.Add(Json);
        command.Add(Server);
        command.Add(FunctionsKey);
        command.Add(Verbose);
    }

    public CliSettings Read(ParseResult parseResult)
    {
        var dataDirectory = parseResult.GetValue(DataDirectory);
        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        }

        if (string.IsNullOrWhiteSpace(dataDirectory))
        {
            dataDirectory = ".durableclaims";
        }

        var key = parseResult.GetValue(FunctionsKey);
        if (string.IsNullOrWhiteSpace(key))
        {
            key = Environment.GetEnvironmentVariable("DURABLECLAIMS_KEY");
        }

        return new CliSettings(
            Path.GetFullPath(dataDirectory),
            parseResult.GetValue(Json),
            parseResult.GetValue(Server),
            string.IsNullOrWhiteSpace(key) ? null : key,
            parseResult.GetValue(Verbose));
    }
}

/// <summary>The global settings of one invocation.</summary>
/// <param name="DataDirectory">Absolute data directory of the embedded engine.</param>
/// <param name="Json">Whether stdout carries one JSON document.</param>
/// <param name="Server">The running host to talk to, or null for the embedded engine.</param>
/// <param name="FunctionsKey">The key sent to the server, when it requires one.</param>
/// <param name="Verbose">Whether logs go to stderr.</param>
internal sealed record CliSettings(string DataDirectory, bool Json, Uri? Server, string? FunctionsKey, bool Verbose);

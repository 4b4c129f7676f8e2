using System.Text.Encodings.Web;
using System.Text.Json;

namespace DurableClaims.Cli.Clients;

/// <summary>JSON settings of the CLI: the web defaults ASP.NET Core uses for the HTTP API (camelCase), indented for people.</summary>
internal static class CliJson
{
    /// <summary>Gets the options for --json output, output files and reading the host's responses.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Files and terminals are read by people: keep +, quotes and accents as they are (still valid JSON).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

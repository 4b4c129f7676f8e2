using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableClaims.Functions.Tests.Support;

/// <summary>Reads the repository's JSON settings files strictly (no comments, no trailing commas: the Functions host is strict too).</summary>
internal static class JsonFiles
{
    public static JsonObject Read(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of(relativePath)), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        })?.AsObject() ?? throw new InvalidDataException($"{relativePath} is empty.");

    /// <summary>Gets the "Values" of local.settings.sample.json as configuration key/value pairs.</summary>
    public static IReadOnlyDictionary<string, string?> LocalSettingsValues() =>
        Read("local.settings.sample.json")["Values"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.OrdinalIgnoreCase);
}

using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Input;

/// <summary>A claim read from disk: its text and the media type it is written in.</summary>
/// <param name="Path">The absolute path it was read from.</param>
/// <param name="Content">The file's text.</param>
/// <param name="MediaType">application/json or text/markdown.</param>
internal sealed record ClaimFile(string Path, string Content, string MediaType)
{
    public const string JsonMediaType = "application/json";
    public const string MarkdownMediaType = "text/markdown";

    /// <summary>Reads a claim.json or claim.md; an unreadable file is bad input.</summary>
    public static async Task<ClaimFile> ReadAsync(string path, CancellationToken cancellation)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new CliInputException($"Cannot read claim file '{path}': the file does not exist.");
        }

        string content;
        try
        {
            content = await File.ReadAllTextAsync(fullPath, cancellation);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"Cannot read claim file '{path}': {exception.Message}", exception);
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw new CliInputException($"Cannot read claim file '{path}': the file is empty.");
        }

        return new ClaimFile(fullPath, content, DetectMediaType(fullPath, content));
    }

    private static string DetectMediaType(string path, string content)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonMediaType;
        }

        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            return MarkdownMediaType;
        }

        return content.TrimStart().StartsWith('{') ? JsonMediaType : MarkdownMediaType;
    }
}

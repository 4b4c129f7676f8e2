using System.Net.Http.Headers;

namespace DurableClaims.Documents;

/// <summary>The media type recorded for a document: the caller's content type when it names one, else the file extension's.</summary>
public static class DocumentMediaTypes
{
    /// <summary>What a document without a known type is recorded as.</summary>
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
        [".txt"] = "text/plain",
        [".md"] = "text/markdown",
        [".json"] = "application/json",
        [".csv"] = "text/csv",
    };

    /// <summary>Returns the media type (lowercase, without parameters) of a document named <paramref name="filename"/> sent as <paramref name="contentType"/>.</summary>
    /// <remarks>
    /// <c>application/octet-stream</c> from a caller says "unknown" (browsers and SDKs send it for any file), so the
    /// extension decides then; so does a content type that does not parse.
    /// </remarks>
    public static string Resolve(string? contentType, string filename)
        => MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { Length: > 0 } mediaType
            && !string.Equals(mediaType, Unknown, StringComparison.OrdinalIgnoreCase)
            ? mediaType.ToLowerInvariant()
            : FromExtension(filename);

    /// <summary>Returns the media type of the file extension, or <see cref="Unknown"/>.</summary>
    public static string FromExtension(string filename)
        => ByExtension.GetValueOrDefault(Path.GetExtension(filename ?? string.Empty), Unknown);
}

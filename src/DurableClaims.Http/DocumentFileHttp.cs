using DurableClaims.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace DurableClaims.Http;

/// <summary><c>GET /api/claims/{claimId}/documents/{type}/{fileName}</c> for both hosts: the stored file with its media type, safely.</summary>
public static class DocumentFileHttp
{
    /// <summary>Media types a browser may show in place: they run no script in the page's origin (images, PDF, plain text).</summary>
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain",
    };

    /// <summary>Streams the document, or answers 404 problem details when the claim or the document is unknown.</summary>
    public static async Task<IResult> GetAsync(string claimId, string type, string fileName, ClaimsApiService service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var result = await service.OpenDocumentAsync(claimId, type, fileName, cancellationToken);
        return result.IsSuccess ? new DocumentResult(result.Value!) : result.ToHttp();
    }

    /// <summary>Returns the Content-Disposition for a stored file: inline only for <see cref="InlineTypes"/>, else attachment; the name is encoded (RFC 6266).</summary>
    public static string ContentDisposition(string mediaType, string fileName)
    {
        var header = new ContentDispositionHeaderValue(InlineTypes.Contains(mediaType) ? "inline" : "attachment");
        header.SetHttpFileName(fileName);
        return header.ToString();
    }

    /// <summary>Writes the file with headers that keep a browser from sniffing it or running it as part of the console (sandboxed, downloaded unless harmless).</summary>
    private sealed class DocumentResult(DocumentContent document) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            await using var content = document.Content;
            var response = httpContext.Response;
            response.ContentType = document.MediaType;
            response.Headers.ContentDisposition = ContentDisposition(document.MediaType, document.Filename);
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            response.Headers.CacheControl = "private, no-store";
            await content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
    }
}

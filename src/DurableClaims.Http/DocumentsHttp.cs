using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableClaims.Http;

/// <summary><c>POST /api/claims/{claimId}/documents</c> for both hosts: JSON with base64 content, or multipart (each file part's name is its document type).</summary>
public static class DocumentsHttp
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the documents and raises one DocumentsReceived; bad input (body, form, Unicode, content type) is always a 4xx.</summary>
    public static async Task<IResult> SubmitAsync(
        string claimId, HttpRequest request, ClaimsApiService service, ClaimsApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await SubmitCoreAsync(claimId, request, service, options, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.ToHttp();
        }

        StorageHealth.ReportWriteSucceeded(request);
        var accepted = result.Value!;
        var container = request.HttpContext.RequestServices?.GetService<IOptions<StorageOptions>>()?.Value.DocumentsContainer ?? BlobPath.Container;
        var logical = accepted with { Documents = accepted.Documents.Select(d => d with { Location = LogicalLocation(container, claimId, d) }).ToList() };
        return ApiResult.Accepted(logical, result.Location).ToHttp();
    }

    /// <summary>Where a document is, as the response names it: a blob URL as it is, a local file as <c>{container}/{claimId}/{type}/{filename}</c>.</summary>
    /// <remarks>The local store records absolute file paths; a response must not reveal the server's folders.</remarks>
    public static string LogicalLocation(string container, string claimId, ReceivedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Uri.TryCreate(document.Location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? document.Location!
            : $"{container}/{BlobPath.Name(claimId, document.Type, document.Filename)}";
    }

    private static async Task<ApiResult<DocumentsAccepted>> SubmitCoreAsync(
        string claimId, HttpRequest request, ClaimsApiService service, ClaimsApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var call = ApiResultHttp.CallContext(request);
        if (request.HasJsonContentType())
        {
            // The transport limit bounds the whole body; this one bounds what is buffered.
            var body = await RequestBody.ReadTextAsync(request, options.MaxJsonDocumentsBodyBytes, "The documents request is too large.", cancellationToken);
            if (!body.IsSuccess)
            {
                return body.Cast<DocumentsAccepted>();
            }

            var (uploads, problem) = ReadJson(body.Value!, options);
            return problem ?? await service.SubmitDocumentsAsync(claimId, uploads, "http", call, cancellationToken);
        }

        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResult.Unsupported<DocumentsAccepted>($"Content type '{request.ContentType}' is not supported; send application/json or multipart/form-data.");
        }

        var (form, formProblem) = await RequestBody.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return formProblem!.Cast<DocumentsAccepted>();
        }

        var parts = form.Files.Select(f => new DocumentPart(f.Name, f.FileName, f.Length, f.OpenReadStream, f.ContentType));
        return await service.SubmitDocumentPartsAsync(claimId, parts, call, cancellationToken);
    }

    /// <summary>Reads <c>{ "documents": [ { "type", "filename", "contentBase64" } ] }</c>; a problem names each bad field.</summary>
    public static (IReadOnlyList<DocumentUpload> Uploads, ApiResult<DocumentsAccepted>? Problem) ReadJson(string json, ClaimsApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        DocumentsRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<DocumentsRequest>(json, RequestJson);
        }
        catch (JsonException ex)
        {
            return ([], ApiResult.Invalid<DocumentsAccepted>("$", $"The body is not valid JSON: {ex.Message}"));
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var uploads = new List<DocumentUpload>();
        var items = request?.Documents ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors[$"documents[{i}]"] = ["Each document must be an object with a type, a filename and its contentBase64."];
                continue;
            }

            byte[]? content = null;
            if (item.ContentBase64 is { } base64)
            {
                // Checked before decoding so that an oversized body is refused without allocating it twice.
                if (base64.Length / 4L * 3 > options.MaxDocumentBytes + 3)
                {
                    return ([], ApiResult.TooLarge<DocumentsAccepted>(
                        $"Document '{item.Filename}' is larger than the limit of {options.MaxDocumentBytes} bytes; nothing was stored."));
                }

                try
                {
                    content = Convert.FromBase64String(base64);
                }
                catch (FormatException)
                {
                    errors[$"documents[{i}].contentBase64"] = ["Must be base64."];
                }
            }

            uploads.Add(new DocumentUpload(item.Type, item.Filename, content));
        }

        return errors.Count > 0
            ? ([], ApiResult.Invalid<DocumentsAccepted>(errors, "The documents have invalid fields; nothing was stored."))
            : (uploads, null);
    }
}

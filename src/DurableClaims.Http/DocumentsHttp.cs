using System.Text.Json;
using DurableClaims.Api;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>POST /api/claims/{claimId}/documents</c> for both hosts: JSON with base64 content, or multipart (each file part's name is its document type).</summary>
public static class DocumentsHttp
{
    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> SubmitAsync(
        string claimId, HttpRequest request, ClaimsApiService service, ClaimsApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        var call = ApiResultHttp.CallContext(request);
        if (request.HasJsonContentType())
        {
            // The transport limit bounds the whole body; this one bounds what is buffered.
            var body = await BoundedBody.ReadTextAsync(request.Body, request.ContentLength, options.MaxJsonDocumentsBodyBytes, cancellationToken);
            if (body is null)
            {
                return ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", "The documents request is too large."));
            }

            var (uploads, problem) = ReadJson(body, options);
            return problem is not null
                ? problem.ToHttp()
                : (await service.SubmitDocumentsAsync(claimId, uploads, "http", call, cancellationToken)).ToHttp();
        }

        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResultHttp.Problem(ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type", $"Content type '{request.ContentType}' is not supported; send application/json or multipart/form-data."));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parts = form.Files.Select(f => new DocumentPart(f.Name, f.FileName, f.Length, f.OpenReadStream, f.ContentType));
        return (await service.SubmitDocumentPartsAsync(claimId, parts, call, cancellationToken)).ToHttp();
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

using DurableClaims.Api;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>POST /api/claims/{claimId}/documents</c> for both hosts: JSON with base64 content, or multipart (each file part's name is its document type).</summary>
public static class DocumentsHttp
{
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
            return body is null
                ? ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", "The documents request is too large."))
                : (await service.SubmitDocumentsJsonAsync(claimId, body, call, cancellationToken)).ToHttp();
        }

        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResultHttp.Problem(ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type", $"Content type '{request.ContentType}' is not supported; send application/json or multipart/form-data."));
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var parts = form.Files.Select(f => new DocumentPart(f.Name, f.FileName, f.Length, f.OpenReadStream));
        return (await service.SubmitDocumentPartsAsync(claimId, parts, call, cancellationToken)).ToHttp();
    }
}

using DurableClaims.Api;
using DurableClaims.Http;
using Microsoft.Extensions.Options;

namespace DurableClaims.Host.Apis;

/// <summary><c>POST /api/claims/{claimId}/documents</c>: JSON with base64 content, or multipart (each file part's name is its document type).</summary>
public static class DocumentsApi
{
    public static Task<IResult> SubmitAsync(
        string claimId, HttpRequest request, ClaimsApiService service, IOptions<ClaimsApiOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DocumentsHttp.SubmitAsync(claimId, request, service, options.Value, ct);
    }
}

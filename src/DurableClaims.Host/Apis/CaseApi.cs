using DurableClaims.Api;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary>What the console's work queue and claim page read besides the claim: the saved views' counts and the stored documents (handlers shared with Functions).</summary>
public static class CaseApi
{
    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup(string.Empty).WithTags("Claims");
        claims.MapGet(ApiRoutes.ClaimViews, (HttpRequest request, ClaimsApiService service, CancellationToken ct)
            => ClaimListHttp.CountViewsAsync(request, service, null, ct))
            .WithName(ApiFunctionNames.CountClaimViews).Produces<ClaimViewCounts>();
        claims.MapGet(ApiRoutes.ClaimDocumentFile, (string claimId, string type, string fileName, ClaimsApiService service, CancellationToken ct)
            => DocumentFileHttp.GetAsync(claimId, type, fileName, service, ct))
            .WithName(ApiFunctionNames.GetClaimDocument).Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
        return api;
    }
}

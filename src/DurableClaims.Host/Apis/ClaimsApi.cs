using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Host.Extensions;
using DurableClaims.Host.Http;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary>The <c>/api/claims</c> routes; each handler only translates HTTP to <see cref="ClaimsApiService"/> and back.</summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup(string.Empty).WithTags("Claims");
        claims.MapPost(ApiRoutes.Claims, StartAsync).WithName(ApiFunctionNames.StartClaim)
            .DescribesBody<ClaimSubmission>("application/json", "text/markdown", "multipart/form-data")
            .Produces<ManagementPayload>(202).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(413).ProducesProblem(415);
        claims.MapGet(ApiRoutes.Claim, async (string claimId, HttpRequest request, ClaimsApiService service, CancellationToken ct)
            => (await service.GetClaimAsync(claimId, ApiResultHttp.CallContext(request), ct)).ToHttp())
            .WithName(ApiFunctionNames.GetClaim).Produces<ClaimStatusView>().ProducesProblem(404);
        claims.MapPost(ApiRoutes.ClaimDocuments, DocumentsApi.SubmitAsync).WithName(ApiFunctionNames.SubmitDocuments)
            .DescribesBody<DocumentsRequest>("application/json", "multipart/form-data")
            .Produces<DocumentsAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(410).ProducesProblem(413).ProducesProblem(415);
        claims.MapGet(ApiRoutes.Claims, ListAsync).WithName(ApiFunctionNames.ListClaims).Produces<ClaimStatusView[]>().ProducesValidationProblem();
        claims.MapGet(ApiRoutes.ClaimHistory, async (string claimId, ClaimsApiService service, CancellationToken ct)
            => (await service.GetHistoryAsync(claimId, ct)).ToHttp())
            .WithName(ApiFunctionNames.GetClaimHistory).Produces<HistoryMessageView[]>().ProducesProblem(404);
        claims.MapGet(ApiRoutes.ClaimEvents, async (string claimId, ClaimsApiService service, CancellationToken ct)
            => (await service.GetEventsAsync(claimId, ct)).ToHttp())
            .WithName(ApiFunctionNames.GetClaimEvents).Produces<ClaimLifecycleEvent[]>().ProducesProblem(404);
        claims.MapGet(ApiRoutes.ClaimPackage, async (string claimId, ClaimsApiService service, CancellationToken ct)
            => (await service.GetPackageAsync(claimId, ct)).ToHttp())
            .WithName(ApiFunctionNames.GetDecisionPackage).Produces<DecisionPackageView>().ProducesProblem(404);
        claims.MapDelete(ApiRoutes.Claim, async (string claimId, ClaimsApiService service, CancellationToken ct)
            => (await service.DeleteClaimAsync(claimId, ct)).ToHttp())
            .WithName(ApiFunctionNames.DeleteClaim).Produces<ClaimDeleted>().ProducesProblem(404).ProducesProblem(409);
        return api.MapAdjusterApi().MapCaseApi().MapClaimStreamsApi();
    }

    private static async Task<IResult> StartAsync(HttpRequest request, HostSettings settings, ClaimsApiService service, CancellationToken ct)
        => (await ClaimsHttp.StartAsync(request, service, settings.MaxClaimBytes, null, ct)).ToHttp();

    private static Task<IResult> ListAsync(HttpRequest request, ClaimsApiService service, CancellationToken ct)
        => ClaimListHttp.ListAsync(request, service, null, ct);
}

using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Functions;

/// <summary>The console's reads besides the claim: saved views' counts and stored documents (handlers shared with the local host).</summary>
public sealed class CaseFunctions(ClaimsApiFactory factory)
{
    /// <summary>GET /api/claim-views: the saved views of the claims list with their counts.</summary>
    [Function(ApiFunctionNames.CountClaimViews)]
    public Task<IResult> CountViewsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ClaimViews)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => ClaimListHttp.CountViewsAsync(req, factory.Api(client), FunctionsCallContext.For(req, client), cancellationToken);

    /// <summary>GET /api/claims/{claimId}/documents/{type}/{fileName}: the stored file with its media type; 404 when unknown.</summary>
    [Function(ApiFunctionNames.GetClaimDocument)]
    public Task<IResult> GetDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ClaimDocumentFile)] HttpRequest req,
        string claimId,
        string type,
        string fileName,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => DocumentFileHttp.GetAsync(claimId, type, fileName, factory.Api(client), cancellationToken);
}

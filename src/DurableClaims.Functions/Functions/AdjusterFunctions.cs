using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Functions;

/// <summary>The adjuster's HTTP triggers: review, re-open, retry, close, notes, archive (the local host maps the same handlers).</summary>
public sealed class AdjusterFunctions(ClaimsApiFactory factory)
{
    /// <summary>POST /api/claims/{claimId}/review: approve or deny a claim that waits for review or for an adjuster.</summary>
    [Function(ApiFunctionNames.ReviewClaim)]
    public Task<IResult> ReviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimReview)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.ReviewAsync(claimId, req, factory.Actions(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/reopen: ask for documents again with a new deadline.</summary>
    [Function(ApiFunctionNames.ReopenClaim)]
    public Task<IResult> ReopenAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimReopen)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.ReopenAsync(claimId, req, factory.Actions(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/retry: run the failed step of a claim in error again.</summary>
    [Function(ApiFunctionNames.RetryClaim)]
    public Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimRetry)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.RetryAsync(claimId, req, factory.Actions(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/close: close a claim that needs an adjuster with its status.</summary>
    [Function(ApiFunctionNames.CloseClaim)]
    public Task<IResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimClose)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.CloseAsync(claimId, req, factory.Actions(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/notes: add a note to the claim's timeline.</summary>
    [Function(ApiFunctionNames.AddClaimNote)]
    public Task<IResult> AddNoteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimNotes)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.AddNoteAsync(claimId, req, factory.Actions(client), cancellationToken);

    /// <summary>POST /api/claims/{claimId}/archive: move a closed claim's session to the archive.</summary>
    [Function(ApiFunctionNames.ArchiveClaim)]
    public Task<IResult> ArchiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimArchive)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AdjusterHttp.ArchiveAsync(claimId, factory.Actions(client), cancellationToken);
}

using DurableClaims.Api;
using DurableClaims.Api.Adjusters;
using DurableClaims.Contracts;
using DurableClaims.Host.Http;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary>The adjuster's routes under <c>/api/claims/{claimId}</c>: review, re-open, retry, close, notes, archive (handlers shared with Functions in <see cref="AdjusterHttp"/>).</summary>
public static class AdjusterApi
{
    public static RouteGroupBuilder MapAdjusterApi(this RouteGroupBuilder api)
    {
        var claims = api.MapGroup(string.Empty).WithTags("Adjusters");
        claims.MapPost(ApiRoutes.ClaimReview, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.ReviewAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.ReviewClaim).DescribesBody<ReviewRequest>("application/json")
            .Produces<AdjusterActionAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimReopen, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.ReopenAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.ReopenClaim).DescribesBody<AdjusterActionRequest>("application/json")
            .Produces<AdjusterActionAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimRetry, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.RetryAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.RetryClaim).DescribesBody<AdjusterActionRequest>("application/json")
            .Produces<AdjusterActionAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimRemind, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.RemindAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.RemindClaim).DescribesBody<AdjusterActionRequest>("application/json")
            .Produces<AdjusterActionAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimClose, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.CloseAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.CloseClaim).DescribesBody<AdjusterActionRequest>("application/json")
            .Produces<AdjusterActionAccepted>(202).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimNotes, (string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.AddNoteAsync(claimId, request, actions, ct))
            .WithName(ApiFunctionNames.AddClaimNote).DescribesBody<NoteRequest>("application/json")
            .Produces<ClaimLifecycleEvent>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(415);
        claims.MapPost(ApiRoutes.ClaimArchive, (string claimId, ClaimActionsService actions, CancellationToken ct)
            => AdjusterHttp.ArchiveAsync(claimId, actions, ct))
            .WithName(ApiFunctionNames.ArchiveClaim).Produces<ClaimArchived>().ProducesProblem(404).ProducesProblem(409);
        return api;
    }
}

using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Hosting;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Functions.Functions;

/// <summary>The adjuster's HTTP triggers: review, re-open, retry, close, notes, archive (the local host maps the same handlers).</summary>
/// <remarks>With App Service authentication on (<see cref="AppServiceAuthOptions"/>) each action is recorded as the signed-in user.</remarks>
public sealed class AdjusterFunctions
{
    private readonly ClaimsApiFactory _factory;
    private readonly AppServiceAuthentication _appService;

    /// <summary>Creates the triggers without App Service authentication: actions record the body's name.</summary>
    public AdjusterFunctions(ClaimsApiFactory factory)
        : this(factory, AppServiceAuthentication.Disabled)
    {
    }

    /// <summary>Creates the triggers with the worker's App Service authentication setting.</summary>
    [ActivatorUtilitiesConstructor]
    public AdjusterFunctions(ClaimsApiFactory factory, AppServiceAuthentication appService)
    {
        _factory = factory;
        _appService = appService;
    }

    /// <summary>POST /api/claims/{claimId}/review: approve or deny a claim that waits for review or for an adjuster.</summary>
    [Function(ApiFunctionNames.ReviewClaim)]
    public Task<IResult> ReviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimReview)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.ReviewAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/reopen: ask for documents again with a new deadline.</summary>
    [Function(ApiFunctionNames.ReopenClaim)]
    public Task<IResult> ReopenAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimReopen)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.ReopenAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/retry: run the failed step of a claim in error again.</summary>
    [Function(ApiFunctionNames.RetryClaim)]
    public Task<IResult> RetryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimRetry)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.RetryAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/remind: send the customer of a claim waiting for documents a reminder now.</summary>
    [Function(ApiFunctionNames.RemindClaim)]
    public Task<IResult> RemindAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimRemind)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.RemindAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/close: close a claim that needs an adjuster with its status.</summary>
    [Function(ApiFunctionNames.CloseClaim)]
    public Task<IResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimClose)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.CloseAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/notes: add a note to the claim's timeline.</summary>
    [Function(ApiFunctionNames.AddClaimNote)]
    public Task<IResult> AddNoteAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimNotes)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.AddNoteAsync(claimId, req, _factory.Actions(client), cancellationToken));

    /// <summary>POST /api/claims/{claimId}/archive: move a closed claim's session to the archive.</summary>
    [Function(ApiFunctionNames.ArchiveClaim)]
    public Task<IResult> ArchiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimArchive)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => AsUserAsync(req, () => AdjusterHttp.ArchiveAsync(claimId, _factory.Actions(client), cancellationToken));

    /// <summary>Runs <paramref name="action"/> as the user App Service authentication signed in, or answers 401 when its header is unreadable.</summary>
    private Task<IResult> AsUserAsync(HttpRequest request, Func<Task<IResult>> action)
        => _appService.Authenticate(request) is { } refused ? Task.FromResult(refused) : action();
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>The <c>/api/claims</c> routes (templates from <see cref="ApiRoutes"/>; host.json adds the "api" prefix). Each only translates HTTP.</summary>
public sealed class ClaimsFunctions(ClaimsApiFactory factory, IOptions<ClaimsApiOptions> apiOptions, IOptions<HttpLimits> limits)
{
    /// <summary>POST /api/claims: starts a claim (JSON or Markdown, or multipart with its documents); 202 with Durable Functions' management payload, Location at the claim's status route.</summary>
    /// <remarks>The payload comes from the API result, whose links are the binding's (<see cref="FunctionsCallContext"/>), so a 202 and a 409 link alike.</remarks>
    [Function(ApiFunctionNames.StartClaim)]
    public async Task<IResult> StartClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Claims)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await ClaimsHttp.StartAsync(req, factory.Api(client), limits.Value.MaxClaimBytes, FunctionsCallContext.For(req, client), cancellationToken)).ToHttp();

    /// <summary>GET /api/claims: lists claims (filters, saved view, sort); paging through the x-ms-continuation-token header.</summary>
    [Function(ApiFunctionNames.ListClaims)]
    public async Task<IResult> ListClaimsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Claims)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => await ClaimListHttp.ListAsync(req, factory.Api(client), FunctionsCallContext.For(req, client), cancellationToken);

    /// <summary>GET /api/claims/{claimId}: the claim's status.</summary>
    [Function(ApiFunctionNames.GetClaim)]
    public async Task<IResult> GetClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Claim)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetClaimAsync(claimId, FunctionsCallContext.For(req, client), cancellationToken)).ToHttp();

    /// <summary>DELETE /api/claims/{claimId}: terminates if running, purges instance, session and documents.</summary>
    [Function(ApiFunctionNames.DeleteClaim)]
    public async Task<IResult> DeleteClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = ApiRoutes.Claim)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).DeleteClaimAsync(claimId, cancellationToken)).ToHttp();

    /// <summary>POST /api/claims/{claimId}/documents: JSON with base64 content, or multipart (each file part's name is its type).</summary>
    [Function(ApiFunctionNames.SubmitDocuments)]
    public Task<IResult> SubmitDocumentsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimDocuments)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DocumentsHttp.SubmitAsync(claimId, req, factory.Api(client), apiOptions.Value, cancellationToken);

    /// <summary>GET /api/claims/{claimId}/history: every agent message.</summary>
    [Function(ApiFunctionNames.GetClaimHistory)]
    public async Task<IResult> GetHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ClaimHistory)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetHistoryAsync(claimId, cancellationToken)).ToHttp();

    /// <summary>GET /api/claims/{claimId}/events: lifecycle events.</summary>
    [Function(ApiFunctionNames.GetClaimEvents)]
    public async Task<IResult> GetEventsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ClaimEvents)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetEventsAsync(claimId, cancellationToken)).ToHttp();

    /// <summary>GET /api/claims/{claimId}/package: the decision package (404 until decided).</summary>
    [Function(ApiFunctionNames.GetDecisionPackage)]
    public async Task<IResult> GetPackageAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.ClaimPackage)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetPackageAsync(claimId, cancellationToken)).ToHttp();
}

/// <summary>Request-size limits, bound from "Host" with the local host's names and defaults (Host__MaxClaimBytes, Host__MaxEventBytes).</summary>
public sealed class HttpLimits
{
    /// <summary>The configuration section name (shared with the local host's settings).</summary>
    public const string SectionName = "Host";

    /// <summary>Gets or sets the largest claim body.</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Host:MaxClaimBytes (Host__MaxClaimBytes) must be positive.")]
    public long MaxClaimBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the largest Event Grid delivery.</summary>
    [Range(1L, long.MaxValue, ErrorMessage = "Host:MaxEventBytes (Host__MaxEventBytes) must be positive.")]
    public long MaxEventBytes { get; set; } = 1024 * 1024;
}

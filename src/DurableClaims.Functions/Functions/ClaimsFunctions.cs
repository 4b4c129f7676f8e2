using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>The <c>/api/claims</c> routes (templates from <see cref="ApiRoutes"/>; host.json adds the "api" prefix). Each only translates HTTP.</summary>
public sealed class ClaimsFunctions(ClaimsApiFactory factory, IOptions<ClaimsApiOptions> apiOptions, IOptions<HttpLimits> limits)
{
    private static readonly JsonSerializerOptions ProblemJson = new(JsonSerializerDefaults.Web);

    /// <summary>POST /api/claims: starts a claim and answers with Durable Functions' check-status response (202).</summary>
    [Function(ApiFunctionNames.StartClaim)]
    public async Task<HttpResponseData> StartClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Claims)] HttpRequestData req,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var contentType = req.Headers.TryGetValues("Content-Type", out var values) ? values.FirstOrDefault() : null;
        if (!ClaimsApiService.IsClaimContentType(contentType))
        {
            return await ProblemAsync(req, ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type", $"Content type '{contentType}' is not supported; send application/json or text/markdown."));
        }

        var body = await BoundedBody.ReadTextAsync(req.Body, null, limits.Value.MaxClaimBytes, cancellationToken);
        if (body is null)
        {
            return await ProblemAsync(req, ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"A claim may be at most {limits.Value.MaxClaimBytes} bytes."));
        }

        var call = ApiResultHttp.CallContext(context.GetHttpContext()!.Request);
        var result = await factory.Api(client).StartClaimAsync(body, contentType, call, cancellationToken);
        if (!result.IsSuccess)
        {
            return await ProblemAsync(req, result.Kind, result.Problem!);
        }

        // The body carries Durable Functions' own management URLs (with the system key); Location
        // points at the claim's status route, as on the local host.
        var response = await client.CreateCheckStatusResponseAsync(req, result.Value!.Id, cancellationToken);
        if (result.Location is { } location)
        {
            response.Headers.Remove("Location");
            response.Headers.Add("Location", location);
        }

        return response;
    }

    /// <summary>GET /api/claims: lists claims; paging through the x-ms-continuation-token header.</summary>
    [Function(ApiFunctionNames.ListClaims)]
    public async Task<IResult> ListClaimsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Claims)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var request = new ClaimListRequest(
            req.Query["status"].FirstOrDefault(),
            req.Query["createdFrom"].FirstOrDefault(),
            req.Query["createdTo"].FirstOrDefault(),
            req.Query["top"].FirstOrDefault(),
            req.Headers[ApiRoutes.ContinuationTokenHeader].FirstOrDefault(),
            req.Query["claimIdPrefix"].FirstOrDefault());
        var result = await factory.Api(client).ListClaimsAsync(request, ApiResultHttp.CallContext(req), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.ToHttp();
        }

        if (result.Value!.ContinuationToken is { } token)
        {
            req.HttpContext.Response.Headers[ApiRoutes.ContinuationTokenHeader] = token;
        }

        return TypedResults.Ok(result.Value.Claims);
    }

    /// <summary>GET /api/claims/{claimId}: the claim's status.</summary>
    [Function(ApiFunctionNames.GetClaim)]
    public async Task<IResult> GetClaimAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Claim)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetClaimAsync(claimId, ApiResultHttp.CallContext(req), cancellationToken)).ToHttp();

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

    /// <summary>POST /api/claims/{claimId}/review: the adjuster's decision (raises AdjusterDecision).</summary>
    [Function(ApiFunctionNames.ReviewClaim)]
    public async Task<IResult> ReviewAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.ClaimReview)] HttpRequest req,
        string claimId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        if (!req.HasJsonContentType())
        {
            // ReadFromJsonAsync throws for other content types; answer 415 as the local host does.
            return ApiResultHttp.Problem(ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type", $"Content type '{req.ContentType}' is not supported; send application/json."));
        }

        ReviewRequest? review;
        try
        {
            review = await req.ReadFromJsonAsync<ReviewRequest>(cancellationToken);
        }
        catch (JsonException ex)
        {
            return ApiResultHttp.Problem(ApiResultKind.Invalid, new ApiProblem(
                "Bad request", "The body is not valid JSON.", new Dictionary<string, string[]> { ["$"] = [ex.Message] }));
        }

        return (await factory.Api(client).ReviewAsync(claimId, review ?? new ReviewRequest(null, null, null), cancellationToken)).ToHttp();
    }

    private static async Task<HttpResponseData> ProblemAsync(HttpRequestData req, ApiResultKind kind, ApiProblem problem)
    {
        var details = ApiResultHttp.ProblemDetails(kind, problem);
        var httpContext = req.FunctionContext.GetHttpContext();
        ApiResultHttp.AddRequestMembers(details, req.Url.AbsolutePath, httpContext?.TraceIdentifier ?? req.FunctionContext.InvocationId);
        var response = req.CreateResponse((HttpStatusCode)details.Status!.Value);
        response.Headers.Add("Content-Type", "application/problem+json; charset=utf-8");
        await response.WriteStringAsync(JsonSerializer.Serialize(details, details.GetType(), ProblemJson));
        return response;
    }
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

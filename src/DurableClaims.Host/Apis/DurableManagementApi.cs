using DurableClaims.Api;
using DurableClaims.Api.Management;
using DurableClaims.Host.Extensions;
using DurableClaims.Http;
using Microsoft.AspNetCore.Mvc;

namespace DurableClaims.Host.Apis;

/// <summary>Durable Functions' built-in management API (<c>/runtime/webhooks/durabletask</c>) over Microsoft's client on the SQLite task hub.</summary>
public static class DurableManagementApi
{
    /// <summary>How long a poller should wait before asking again (Functions uses 10 s too).</summary>
    private const string RetryAfterSeconds = "10";

    public static IEndpointRouteBuilder MapDurableManagementApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(string.Empty).WithTags("Durable management");
        group.MapGet(ApiRoutes.Instance, GetStatusAsync).WithName(ApiFunctionNames.GetInstanceStatus)
            .Produces<DurableStatusPayload>(200).Produces<DurableStatusPayload>(202).ProducesProblem(404);
        group.MapPost(ApiRoutes.RaiseEvent, RaiseEventAsync).WithName(ApiFunctionNames.RaiseEvent)
            .Produces(202).ProducesProblem(400).ProducesProblem(404).ProducesProblem(410).ProducesProblem(413).ProducesProblem(415);
        group.MapPost(ApiRoutes.Terminate, (string instanceId, string? reason, DurableManagementService service, CancellationToken ct)
            => ControlAsync(service, instanceId, InstanceOperation.Terminate, reason, ct)).WithName(ApiFunctionNames.TerminateInstance);
        group.MapPost(ApiRoutes.Suspend, (string instanceId, string? reason, DurableManagementService service, CancellationToken ct)
            => ControlAsync(service, instanceId, InstanceOperation.Suspend, reason, ct)).WithName(ApiFunctionNames.SuspendInstance);
        group.MapPost(ApiRoutes.Resume, (string instanceId, string? reason, DurableManagementService service, CancellationToken ct)
            => ControlAsync(service, instanceId, InstanceOperation.Resume, reason, ct)).WithName(ApiFunctionNames.ResumeInstance);
        group.MapDelete(ApiRoutes.Instance, PurgeAsync).WithName(ApiFunctionNames.PurgeInstanceHistory)
            .Produces<PurgeHistoryResult>(200).ProducesProblem(404).ProducesProblem(409);
        group.MapGet(ApiRoutes.Instances, ListAsync).WithName(ApiFunctionNames.ListInstances)
            .Produces<DurableStatusPayload[]>(200).ProducesProblem(400);
        return routes;
    }

    private static async Task<IResult> GetStatusAsync(
        HttpContext context, string instanceId, bool? showHistory, bool? showHistoryOutput, bool? showInput,
        DurableManagementService service, CancellationToken ct)
    {
        var result = await service.GetStatusAsync(instanceId, showHistory ?? false, showHistoryOutput ?? false, showInput ?? true, ct);
        if (result.Kind != ApiResultKind.Accepted)
        {
            return result.ToHttp();
        }

        context.Response.Headers.RetryAfter = RetryAfterSeconds;

        // This URL again, on the host's public base rather than the request's Host header.
        var request = context.Request;
        return TypedResults.Accepted(ApiResultHttp.BaseUrl(request) + request.Path.ToUriComponent() + request.QueryString.ToUriComponent(), result.Value);
    }

    private static async Task<IResult> RaiseEventAsync(
        HttpRequest request, string instanceId, string eventName, HostSettings settings, DurableManagementService service, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return ApiResult.Unsupported<bool>($"Content type '{request.ContentType}' is not supported; send application/json.").ToHttp();
        }

        var body = await RequestBody.ReadTextAsync(request, settings.MaxEventBytes, $"An event payload may be at most {settings.MaxEventBytes} bytes.", ct);
        if (!body.IsSuccess)
        {
            return body.ToHttp();
        }

        var result = await service.RaiseEventAsync(instanceId, eventName, true, body.Value!, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.ToHttp();
    }

    private static async Task<IResult> ControlAsync(
        DurableManagementService service, string instanceId, InstanceOperation operation, string? reason, CancellationToken ct)
    {
        var result = await service.ControlAsync(instanceId, operation, reason, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.ToHttp();
    }

    private static async Task<IResult> PurgeAsync(string instanceId, DurableManagementService service, CancellationToken ct)
        => (await service.PurgeAsync(instanceId, ct)).ToHttp();

    private static async Task<IResult> ListAsync(
        HttpContext context,
        string? runtimeStatus, string? createdTimeFrom, string? createdTimeTo, string? instanceIdPrefix, string? top, bool? showInput,
        [FromHeader(Name = ApiRoutes.ContinuationTokenHeader)] string? continuationToken,
        DurableManagementService service, CancellationToken ct)
    {
        var request = new InstanceListRequest(runtimeStatus, createdTimeFrom, createdTimeTo, instanceIdPrefix, top, showInput ?? false, continuationToken);
        var result = await service.ListAsync(request, ct);
        if (!result.IsSuccess)
        {
            return result.ToHttp();
        }

        if (result.Value!.ContinuationToken is { } token)
        {
            context.Response.Headers[ApiRoutes.ContinuationTokenHeader] = token;
        }

        return TypedResults.Ok(result.Value.Items);
    }
}

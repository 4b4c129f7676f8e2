using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>POST /api/events/blob-created: the Event Grid webhook the local host offers, for subscriptions that push instead of queueing.</summary>
public sealed class UploadEventFunctions(ClaimsApiFactory factory, IOptions<HttpLimits> limits)
{
    /// <summary>Accepts Event Grid and CloudEvents 1.0 deliveries, answers the subscription-validation handshake.</summary>
    [Function(ApiFunctionNames.BlobCreated)]
    public async Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await BoundedBody.ReadTextAsync(req.Body, req.ContentLength, limits.Value.MaxEventBytes, cancellationToken);
        if (body is null)
        {
            return ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"An event delivery may be at most {limits.Value.MaxEventBytes} bytes."));
        }

        var result = await factory.Intake(client).ReceiveDeliveryAsync(body, cancellationToken);
        return result.ToHttp();
    }

    /// <summary>CloudEvents 1.0 abuse protection: confirms the origin with OPTIONS.</summary>
    [Function(ApiFunctionNames.BlobCreatedHandshake)]
    public static IResult Handshake(
        [HttpTrigger(AuthorizationLevel.Function, "options", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var origin = req.Headers["WebHook-Request-Origin"].FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
        {
            return ApiResultHttp.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", "The WebHook-Request-Origin header is required."));
        }

        req.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        req.HttpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return TypedResults.Ok();
    }
}

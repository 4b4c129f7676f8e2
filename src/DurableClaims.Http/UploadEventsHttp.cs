using DurableClaims.Api;
using DurableClaims.Api.Intake;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>/api/events/blob-created</c> for both hosts: Event Grid / CloudEvents deliveries and the CloudEvents webhook handshake.</summary>
public static class UploadEventsHttp
{
    /// <summary>Reads a bounded delivery and hands it to the upload intake (which also answers Event Grid's validation event).</summary>
    public static async Task<IResult> ReceiveAsync(HttpRequest request, UploadIntake intake, long maxEventBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
        var body = await BoundedBody.ReadTextAsync(request.Body, request.ContentLength, maxEventBytes, cancellationToken);
        return body is null
            ? ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"An event delivery may be at most {maxEventBytes} bytes."))
            : (await intake.ReceiveDeliveryAsync(body, cancellationToken)).ToHttp();
    }

    /// <summary>CloudEvents 1.0 webhook abuse protection: the subscriber confirms the origin with OPTIONS.</summary>
    public static IResult Handshake(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers["WebHook-Request-Origin"].FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
        {
            return ApiResultHttp.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", "The WebHook-Request-Origin header is required."));
        }

        request.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        request.HttpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return TypedResults.Ok();
    }
}

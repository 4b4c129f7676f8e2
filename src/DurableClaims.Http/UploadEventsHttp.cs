using DurableClaims.Api;
using DurableClaims.Api.Intake;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>/api/events/blob-created</c> for both hosts: Event Grid / CloudEvents deliveries and the CloudEvents webhook handshake.</summary>
public static class UploadEventsHttp
{
    /// <summary>Reads a bounded delivery and hands it to the upload intake (which also answers Event Grid's validation event).</summary>
    /// <remarks>Bad input is always a 4xx or a 200 that reports the bad entries: Event Grid retries a 5xx, which would turn one bad event into a poison message.</remarks>
    public static async Task<IResult> ReceiveAsync(HttpRequest request, UploadIntake intake, long maxEventBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(intake);
        if (!IsEventContentType(request.ContentType))
        {
            return ApiResultHttp.Problem(ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type",
                $"Content type '{request.ContentType}' is not supported; send application/json (Event Grid schema) or application/cloudevents+json / application/cloudevents-batch+json."));
        }

        var body = await RequestBody.ReadTextAsync(request, maxEventBytes, $"An event delivery may be at most {maxEventBytes} bytes.", cancellationToken);
        return body.IsSuccess
            ? (await intake.ReceiveDeliveryAsync(body.Value!, cancellationToken)).ToHttp()
            : body.ToHttp();
    }

    /// <summary>Returns whether a delivery's content type is one Event Grid sends: JSON, or CloudEvents structured (single or batch).</summary>
    public static bool IsEventContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType) || !Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/cloudevents+json", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/cloudevents-batch+json", StringComparison.OrdinalIgnoreCase);
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

using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Host.Extensions;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary><c>/api/events/blob-created</c>: the Event Grid webhook that resumes claims when documents are uploaded.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup(string.Empty).WithTags("Upload events");
        events.MapPost(ApiRoutes.BlobCreatedEvents, ReceiveAsync).WithName(ApiFunctionNames.BlobCreated)
            .Produces<BlobEventsResult>().Produces<SubscriptionValidationResponse>().ProducesValidationProblem();

        // CloudEvents 1.0 webhook abuse protection: the subscriber confirms the origin with OPTIONS.
        events.MapMethods(ApiRoutes.BlobCreatedEvents, [HttpMethods.Options], (HttpContext context) =>
        {
            var origin = context.Request.Headers["WebHook-Request-Origin"].FirstOrDefault();
            if (string.IsNullOrEmpty(origin))
            {
                return ApiResultHttp.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", "The WebHook-Request-Origin header is required."));
            }

            context.Response.Headers["WebHook-Allowed-Origin"] = origin;
            context.Response.Headers["WebHook-Allowed-Rate"] = "*";
            return Results.Ok();
        }).WithName(ApiFunctionNames.BlobCreatedHandshake);
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, HostSettings settings, UploadIntake intake, CancellationToken ct)
    {
        var body = await BoundedBody.ReadTextAsync(request.Body, request.ContentLength, settings.MaxEventBytes, ct);
        if (body is null)
        {
            return ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"An event delivery may be at most {settings.MaxEventBytes} bytes."));
        }

        var result = await intake.ReceiveDeliveryAsync(body, ct);
        return result.ToHttp();
    }
}

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

        events.MapMethods(ApiRoutes.BlobCreatedEvents, [HttpMethods.Options], UploadEventsHttp.Handshake).WithName(ApiFunctionNames.BlobCreatedHandshake);
        return api;
    }

    private static Task<IResult> ReceiveAsync(HttpRequest request, HostSettings settings, UploadIntake intake, CancellationToken ct) =>
        UploadEventsHttp.ReceiveAsync(request, intake, settings.MaxEventBytes, ct);
}

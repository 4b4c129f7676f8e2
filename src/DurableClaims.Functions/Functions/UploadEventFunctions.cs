using DurableClaims.Api;
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
    public Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        UploadEventsHttp.ReceiveAsync(req, factory.Intake(client), limits.Value.MaxEventBytes, cancellationToken);

    /// <summary>CloudEvents 1.0 abuse protection: confirms the origin with OPTIONS.</summary>
    [Function(ApiFunctionNames.BlobCreatedHandshake)]
    public static IResult Handshake(
        [HttpTrigger(AuthorizationLevel.Function, "options", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req) =>
        UploadEventsHttp.Handshake(req);
}

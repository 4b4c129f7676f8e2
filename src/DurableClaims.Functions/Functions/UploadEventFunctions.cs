using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Functions;

/// <summary>POST /api/events/blob-created: the Event Grid webhook the local host offers, for subscriptions that push instead of queueing.</summary>
public sealed class UploadEventFunctions(ClaimsApiFactory factory, IOptions<HttpLimits> limits)
{
    /// <summary>Accepts Event Grid and CloudEvents 1.0 deliveries, answers the subscription-validation handshake.</summary>
    [Function("BlobCreated")]
    public async Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await HttpTranslation.ReadBodyAsync(req.Body, req.ContentLength, limits.Value.MaxEventBytes, cancellationToken);
        if (body is null)
        {
            return HttpTranslation.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"An event delivery may be at most {limits.Value.MaxEventBytes} bytes."));
        }

        BlobEventDeliveries.Delivery delivery;
        try
        {
            delivery = BlobEventDeliveries.Read(BinaryData.FromString(body));
        }
        catch (FormatException ex)
        {
            return HttpTranslation.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", ex.Message, new Dictionary<string, string[]> { ["$"] = [ex.Message] }));
        }

        if (delivery.ValidationCode is { } code)
        {
            return TypedResults.Ok(new SubscriptionValidationResponse(code));
        }

        var counts = await BlobEventDeliveries.DispatchAsync(delivery, factory.Intake(client), cancellationToken);
        return TypedResults.Ok(new BlobEventsResult(
            counts.GetValueOrDefault(IntakeOutcome.Raised),
            counts.GetValueOrDefault(IntakeOutcome.Duplicate),
            counts.GetValueOrDefault(IntakeOutcome.Ignored) + counts.GetValueOrDefault(IntakeOutcome.ClaimFinished) + delivery.OtherEvents));
    }

    /// <summary>CloudEvents 1.0 abuse protection: confirms the origin with OPTIONS.</summary>
    [Function("BlobCreatedHandshake")]
    public static IResult Handshake(
        [HttpTrigger(AuthorizationLevel.Function, "options", Route = ApiRoutes.BlobCreatedEvents)] HttpRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var origin = req.Headers["WebHook-Request-Origin"].FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
        {
            return HttpTranslation.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", "The WebHook-Request-Origin header is required."));
        }

        req.HttpContext.Response.Headers["WebHook-Allowed-Origin"] = origin;
        req.HttpContext.Response.Headers["WebHook-Allowed-Rate"] = "*";
        return TypedResults.Ok();
    }
}

/// <summary>The Event Grid subscription-validation answer: <c>{"validationResponse": code}</c>.</summary>
/// <param name="ValidationResponse">The code Event Grid sent.</param>
public sealed record SubscriptionValidationResponse(string ValidationResponse);

/// <summary>What a delivery did: events raised, duplicates skipped, notifications ignored.</summary>
/// <param name="Raised">DocumentsReceived events raised.</param>
/// <param name="Duplicates">Uploads already handled.</param>
/// <param name="Ignored">Notifications that were not claim documents of running claims.</param>
public sealed record BlobEventsResult(int Raised, int Duplicates, int Ignored);

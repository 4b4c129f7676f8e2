using DurableClaims.Api;
using DurableClaims.Api.Intake;
using DurableClaims.Host.Events;
using DurableClaims.Host.Extensions;
using DurableClaims.Host.Http;

namespace DurableClaims.Host.Apis;

/// <summary><c>/api/events/blob-created</c>: the Event Grid webhook that resumes claims when documents are uploaded.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        var events = api.MapGroup(string.Empty).WithTags("Upload events");
        events.MapPost(ApiRoutes.BlobCreatedEvents, ReceiveAsync).WithName("BlobCreated")
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
        }).WithName("BlobCreatedHandshake");
        return api;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, HostSettings settings, UploadIntake intake, CancellationToken ct)
    {
        var body = await HttpCallContext.ReadBodyAsync(request, settings.MaxEventBytes, ct);
        if (body is null)
        {
            return ApiResultHttp.Problem(ApiResultKind.TooLarge, new ApiProblem("Payload too large", $"An event delivery may be at most {settings.MaxEventBytes} bytes."));
        }

        BlobEventDelivery delivery;
        try
        {
            delivery = BlobEventReader.Read(BinaryData.FromString(body));
        }
        catch (FormatException ex)
        {
            return ApiResultHttp.Problem(ApiResultKind.Invalid, new ApiProblem("Bad request", ex.Message, new Dictionary<string, string[]> { ["$"] = [ex.Message] }));
        }

        if (delivery.ValidationCode is { } code)
        {
            return TypedResults.Ok(new SubscriptionValidationResponse(code));
        }

        var counts = new Dictionary<IntakeOutcome, int>();
        foreach (var blob in delivery.BlobsCreated)
        {
            var outcome = BlobUrl.TryParse(blob.Url) is { Container: BlobPath.Container } path
                ? await intake.HandleBlobCreatedAsync(path.BlobName, blob.ETag, blob.Url, delivery.Schema, ct)
                : IntakeOutcome.Ignored;
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        return TypedResults.Ok(new BlobEventsResult(
            counts.GetValueOrDefault(IntakeOutcome.Raised),
            counts.GetValueOrDefault(IntakeOutcome.Duplicate),
            counts.GetValueOrDefault(IntakeOutcome.Ignored) + counts.GetValueOrDefault(IntakeOutcome.ClaimFinished) + delivery.OtherEvents));
    }
}

/// <summary>The Event Grid subscription-validation answer: <c>{"validationResponse": code}</c>.</summary>
public sealed record SubscriptionValidationResponse(string ValidationResponse);

/// <summary>What a delivery did: events raised, duplicates skipped, notifications ignored.</summary>
public sealed record BlobEventsResult(int Raised, int Duplicates, int Ignored);

using System.Text.Json.Nodes;
using DurableClaims.Api.Intake;
using DurableClaims.Api.Management;
using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Triggers;
using DurableClaims.Testing;
using DurableClaims.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Functions.Tests.Intake;

/// <summary>The upload pipeline's triggers called directly: the queue trigger Event Grid delivers to, and the Event Grid webhook.</summary>
public sealed class UploadTriggerTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    [Fact]
    public async Task ClaimDocumentUploaded_QueuedBlobCreatedForAPausedClaim_ShouldResumeTheClaim()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "hotel.pdf");
        var message = EventPayloads.EventGridEvent(EventPayloads.BlobUrl(claimId, "receipts", "hotel.pdf"), "0x8DC1").ToJsonString();

        await _app.Uploads.RunAsync(message, _app.Client, CancellationToken.None);

        var outcome = await _app.Host.WaitForOutcomeAsync(claimId);
        Assert.Equal(ClaimStatusCodes.Approved, outcome.Status);
    }

    [Fact]
    public async Task ClaimDocumentUploaded_SameUploadQueuedTwice_ShouldRaiseDocumentsReceivedOnce()
    {
        // Queue delivery is at least once: the intake recognises the upload by blob name and ETag.
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "hotel.pdf");
        var message = EventPayloads.EventGridEvent(EventPayloads.BlobUrl(claimId, "receipts", "hotel.pdf"), "0x8DC2").ToJsonString();

        await _app.Uploads.RunAsync(message, _app.Client, CancellationToken.None);
        await _app.Uploads.RunAsync(message, _app.Client, CancellationToken.None);

        await _app.Host.WaitForOutcomeAsync(claimId);
        var history = await _app.Client.GetOrchestrationHistoryAsync(claimId);
        Assert.Single(history.Select(HistoryEntry.From), e => e.EventType == "EventRaised" && e.Name == ClaimWorkflow.Events.DocumentsReceived);
    }

    [Fact]
    public async Task ClaimDocumentUploaded_UploadHeldByAnotherIntake_ShouldThrowSoTheQueueDeliversItAgain()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "taxi.pdf");
        var receipts = _app.Host.Services.GetRequiredService<IIntakeReceiptStore>();
        await receipts.TryTakeAsync(IntakeReceipt.KeyFor($"{claimId}/receipts/taxi.pdf", "0x8DC4"), TimeSpan.FromMinutes(1));
        var message = EventPayloads.EventGridEvent(EventPayloads.BlobUrl(claimId, "receipts", "taxi.pdf"), "0x8DC4").ToJsonString();

        var exception = await Record.ExceptionAsync(() => _app.Uploads.RunAsync(message, _app.Client, CancellationToken.None));

        Assert.IsType<UploadInProgressException>(exception);
    }

    [Fact]
    public async Task ClaimDocumentUploaded_MessageThatIsNotAnEvent_ShouldBeDroppedWithoutThrowing()
    {
        // Throwing would make the queue redeliver a message no retry can fix.
        var exception = await Record.ExceptionAsync(() => _app.Uploads.RunAsync("not an event", _app.Client, CancellationToken.None));

        Assert.Null(exception);
    }

    [Fact]
    public async Task BlobCreated_EventGridDeliveryForAPausedClaim_ShouldRaiseOnceAndResumeTheClaim()
    {
        var claimId = await _app.StartPausedAsync();
        await _app.StoreDocumentAsync(claimId, "receipts", "hotel.pdf");
        var delivery = new JsonArray(EventPayloads.EventGridEvent(EventPayloads.BlobUrl(claimId, "receipts", "hotel.pdf"), "0x8DC3")).ToJsonString();
        var request = _app.Http.Json("/api/events/blob-created", delivery);

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(1, response.Body.GetProperty("raised").GetInt32());
        Assert.Equal(ClaimStatusCodes.Approved, (await _app.Host.WaitForOutcomeAsync(claimId)).Status);
    }

    [Fact]
    public async Task BlobCreated_SubscriptionValidation_ShouldAnswerWithTheValidationCode()
    {
        var request = _app.Http.Json("/api/events/blob-created", EventPayloads.EventGridValidation("code-123"));

        var response = await TriggerHttp.RunAsync(request, await _app.UploadEvents.ReceiveAsync(request, _app.Client, CancellationToken.None));

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("code-123", response.Member("validationResponse"));
    }
}

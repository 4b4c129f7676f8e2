using DurableClaims.Contracts;
using DurableClaims.Tests.Notifications;

namespace DurableClaims.Tests.Workflow;

/// <summary>Webhooks from a running claim.</summary>
public sealed partial class ClaimWorkflowTests
{
    [Fact]
    public async Task Claim_WebhookConfigured_ShouldDeliverEverySignedLifecycleEvent()
    {
        using var receiver = new WebhookReceiver("hook-secret");
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Claims:Webhooks:Urls:0"] = receiver.Url.ToString(),
            ["Claims:Webhooks:Secret"] = "hook-secret",
            ["Claims:Webhooks:Events:0"] = ClaimEventTypes.Start,
            ["Claims:Webhooks:Events:1"] = ClaimEventTypes.Pause,
            ["Claims:Webhooks:Events:2"] = ClaimEventTypes.Resume,
            ["Claims:Webhooks:Events:3"] = ClaimEventTypes.Complete,
        });
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOK", documents: ["police_report"]));
        await host.WaitForPauseAsync("CLM-W-HOOK");
        await host.DeliverAsync("CLM-W-HOOK", ThreeMissing);

        await host.WaitForOutcomeAsync("CLM-W-HOOK");

        Assert.Equal(
            [ClaimEventTypes.Complete, ClaimEventTypes.Pause, ClaimEventTypes.Resume, ClaimEventTypes.Start],
            receiver.Deliveries.Select(d => d.Type).Order(StringComparer.Ordinal));
        Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid));
        Assert.Equal((ClaimStatusCodes.Paused, ClaimStatusCodes.Approved), (
            receiver.Deliveries.Single(d => d.Type == ClaimEventTypes.Pause).Status, receiver.Deliveries.Single(d => d.Type == ClaimEventTypes.Complete).Status));
    }

    [Fact]
    public async Task Claim_WebhookReceiverDown_ShouldStillBeDecided()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Claims:Webhooks:Urls:0"] = "http://127.0.0.1:9/down",
            ["Claims:Webhooks:Secret"] = "hook-secret",
            ["Claims:Webhooks:MaxAttempts"] = "2",
            ["Claims:Webhooks:FirstRetryInterval"] = "00:00:30",
        });
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOKDOWN", documents: TestClaims.AutoDocuments));

        // Failed deliveries wait for durable retry timers; the clock moves until the claim is done.
        var metadata = await host.Client.GetInstanceAsync("CLM-W-HOOKDOWN");
        for (var i = 0; i < 400 && metadata?.IsCompleted != true; i++)
        {
            host.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(25);
            metadata = await host.Client.GetInstanceAsync("CLM-W-HOOKDOWN");
        }

        var outcome = await host.WaitForOutcomeAsync("CLM-W-HOOKDOWN");
        Assert.Equal((ClaimStatusCodes.Approved, ClaimReasons.Covered), (outcome.Status, outcome.Reason));
    }

    [Fact]
    public async Task Claim_OneWebhookDown_ShouldDeliverEachEventOnceToTheOther()
    {
        using var receiver = new WebhookReceiver("hook-secret");
        await using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Claims:Webhooks:Urls:0"] = "http://127.0.0.1:9/down",
            ["Claims:Webhooks:Urls:1"] = receiver.Url.ToString(),
            ["Claims:Webhooks:Secret"] = "hook-secret",
            ["Claims:Webhooks:MaxAttempts"] = "3",
            ["Claims:Webhooks:FirstRetryInterval"] = "00:00:30",
            ["Claims:Webhooks:Events:0"] = ClaimEventTypes.Start,
            ["Claims:Webhooks:Events:1"] = ClaimEventTypes.Complete,
        });
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOKHALF", documents: TestClaims.AutoDocuments));

        // The failing URL's retries wait on durable timers; the clock moves until the claim is done.
        var metadata = await host.Client.GetInstanceAsync("CLM-W-HOOKHALF");
        for (var i = 0; i < 400 && metadata?.IsCompleted != true; i++)
        {
            host.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(25);
            metadata = await host.Client.GetInstanceAsync("CLM-W-HOOKHALF");
        }

        await host.WaitForOutcomeAsync("CLM-W-HOOKHALF");
        Assert.Equal([ClaimEventTypes.Complete, ClaimEventTypes.Start], receiver.Deliveries.Select(d => d.Type).Order(StringComparer.Ordinal));
    }
}

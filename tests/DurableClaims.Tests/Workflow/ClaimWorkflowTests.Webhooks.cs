using DurableClaims.Contracts;
using DurableClaims.Testing;
using DurableClaims.Tests.Notifications;
using DurableClaims.Workflow;
using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

    [Fact]
    public async Task Claim_WebhookUrlWithCredentials_ShouldStillDeliverToIt()
    {
        using var receiver = new WebhookReceiver("hook-secret");
        await using var host = await StartHostAsync(WithCredentials(receiver.Url));
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOKCRED", documents: TestClaims.AutoDocuments));

        await host.WaitForOutcomeAsync("CLM-W-HOOKCRED");

        Assert.Contains(receiver.Deliveries, d => d.Type == ClaimEventTypes.Complete && d.SignatureValid);
    }

    [Fact]
    public async Task Claim_WebhookUrlWithCredentials_ShouldKeepThemOutOfTheHistory()
    {
        using var receiver = new WebhookReceiver("hook-secret");
        await using var host = await StartHostAsync(WithCredentials(receiver.Url));
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOKHIST", documents: TestClaims.AutoDocuments));
        await host.WaitForOutcomeAsync("CLM-W-HOOKHIST");

        var history = await HistoryTextAsync(host, "CLM-W-HOOKHIST");

        Assert.Contains(nameof(NotifyWebhooksActivity), history, StringComparison.Ordinal);
        Assert.DoesNotContain("secret@", history, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_FailingWebhookUrlWithCredentials_ShouldKeepThemOutOfLogsAndHistory()
    {
        var settings = WithCredentials(new Uri("http://127.0.0.1:9/down/"));
        settings["Claims:Webhooks:MaxAttempts"] = "1";
        await using var host = await StartHostAsync(settings);
        using var logs = new RecordingLoggerProvider();
        host.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        await host.SubmitAsync(TestClaims.Auto("CLM-W-HOOKFAIL", documents: TestClaims.AutoDocuments));
        await host.WaitForOutcomeAsync("CLM-W-HOOKFAIL");

        var history = await HistoryTextAsync(host, "CLM-W-HOOKFAIL");

        Assert.Contains(logs.Lines, line => line.Contains("http://127.0.0.1:9/down/?***", StringComparison.Ordinal));
        Assert.All(logs.Lines.Append(history), text =>
        {
            Assert.DoesNotContain("secret@", text, StringComparison.Ordinal);
            Assert.DoesNotContain("token=abc", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Settings_RecordedBeforeTargetsExisted_ShouldKeepTheRecordedUrlsForReplay()
    {
        // A claim started by the previous version has its URLs in history; its replay must schedule as many deliveries.
        var recorded = System.Text.Json.JsonSerializer.Deserialize<WorkflowSettings>(
            """{ "webhookUrls": ["https://a.example.com/hook", "https://b.example.com/hook"] }""", ClaimsJson.Options)!;

        Assert.Equal((0, 2), (recorded.WebhookTargets.Count, recorded.LegacyWebhookUrls!.Count));
    }

    /// <summary>Receiver credentials in the URL, as an operator would configure a receiver that authenticates by user info and a token.</summary>
    private static Dictionary<string, string?> WithCredentials(Uri receiver) => new()
    {
        ["Claims:Webhooks:Urls:0"] = new UriBuilder(receiver) { UserName = "user", Password = "secret", Query = "token=abc" }.Uri.ToString(),
        ["Claims:Webhooks:Secret"] = "hook-secret",
    };

    /// <summary>The history as the management API's <c>showHistory</c> reads it: every event with its inputs, results and failures.</summary>
    private static async Task<string> HistoryTextAsync(WorkflowHost host, string claimId) =>
        Newtonsoft.Json.JsonConvert.SerializeObject(await host.Client.GetOrchestrationHistoryAsync(claimId));
}

using System.Net;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Notifications;

public sealed class WebhookSenderTests
{
    private static readonly ClaimLifecycleEvent Paused = new("CLM-W:003", "CLM-W", ClaimEventTypes.Pause, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private static readonly WebhookSession Session = new("CLM-W", "auto", ClaimStatusCodes.Paused, "auto claim for 4250.00 USD: Rear-ended at a red light.", "jo@example.com");

    private static readonly Uri HookUrl = new("https://hooks.example.com/claims");

    private static readonly Uri SecretUrl = new("https://user:secret@hooks.example.com/path?token=abc");

    private static (WebhookSender Sender, RecordingHandler Handler) Create(HttpStatusCode status, params string[] eventFilter)
    {
        var options = new WebhookOptions { Secret = "s3cret" };
        options.Urls.Add(HookUrl);
        foreach (var type in eventFilter)
        {
            options.Events.Add(type);
        }

        var handler = new RecordingHandler(status);
        return (new WebhookSender(new HandlerFactory(handler), Options.Create(options), TestClaims.Clock(), NullLogger<WebhookSender>.Instance), handler);
    }

    [Fact]
    public async Task Send_Event_ShouldPostJsonSignedWithTheSecretAndTimestamp()
    {
        var (sender, handler) = Create(HttpStatusCode.OK);

        await sender.SendAsync(HookUrl, [Paused], Session, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(("CLM-W:003", "pause"), (request.Headers[WebhookSignature.DeliveryHeader], request.Headers[WebhookSignature.EventHeader]));
        Assert.True(WebhookSignature.Verify("s3cret", long.Parse(request.Headers[WebhookSignature.TimestampHeader], System.Globalization.CultureInfo.InvariantCulture), request.Body, request.Headers[WebhookSignature.SignatureHeader]));
    }

    [Fact]
    public async Task Send_Event_ShouldPostTheSeedsBodyShape()
    {
        var (sender, handler) = Create(HttpStatusCode.OK);

        await sender.SendAsync(HookUrl, [Paused with { Data = new Dictionary<string, object?> { ["awaiting"] = "documents" } }], Session, CancellationToken.None);

        using var body = System.Text.Json.JsonDocument.Parse(Assert.Single(handler.Requests).Body);
        var root = body.RootElement;
        Assert.Equal(["event", "session", "timestamp", "data"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["id", "mode", "status", "task", "userId"], root.GetProperty("session").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("pause", "CLM-W", "auto", "paused", "jo@example.com", "documents"), (
            root.GetProperty("event").GetString(), root.GetProperty("session").GetProperty("id").GetString(), root.GetProperty("session").GetProperty("mode").GetString(),
            root.GetProperty("session").GetProperty("status").GetString(), root.GetProperty("session").GetProperty("userId").GetString(), root.GetProperty("data").GetProperty("awaiting").GetString()));
    }

    [Fact]
    public void Verify_TamperedBody_ShouldFail()
    {
        var signature = WebhookSignature.Compute("s3cret", 1_800_000_000, "{\"status\":\"denied\"}");

        Assert.False(WebhookSignature.Verify("s3cret", 1_800_000_000, "{\"status\":\"approved\"}", signature));
    }

    [Fact]
    public async Task Send_ReceiverAnswers500_ShouldThrowSoTheActivityIsRetried()
    {
        var (sender, _) = Create(HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.SendAsync(HookUrl, [Paused], Session, CancellationToken.None));

        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_EventTypeNotSubscribed_ShouldPostNothing()
    {
        var (sender, handler) = Create(HttpStatusCode.OK, ClaimEventTypes.Complete);

        await sender.SendAsync(HookUrl, [Paused], Session, CancellationToken.None);

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Send_FailingUrlWithCredentials_ShouldLogItWithUserInfoAndQueryRedacted()
    {
        using var logs = new RecordingLoggerProvider();
        var sender = new WebhookSender(
            new HandlerFactory(new RecordingHandler(HttpStatusCode.BadGateway)), Options.Create(new WebhookOptions { Secret = "s3cret" }), TestClaims.Clock(), new LoggerFactory([logs]).CreateLogger<WebhookSender>());

        await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.SendAsync(SecretUrl, [Paused], Session, CancellationToken.None));

        var line = Assert.Single(logs.Lines);
        Assert.Contains("https://hooks.example.com/path?***", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
        Assert.DoesNotContain("token=abc", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UrlWithCredentials_ShouldKeepThemOutOfTheHttpClientLogs()
    {
        using var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddHttpClient(WebhookSender.HttpClientName);
        using var provider = services.BuildServiceProvider();
        var sender = new WebhookSender(
            provider.GetRequiredService<IHttpClientFactory>(), Options.Create(new WebhookOptions { Secret = "s3cret" }), TestClaims.Clock(), provider.GetRequiredService<ILogger<WebhookSender>>());

        // Nothing listens on port 9: the POST fails after HttpClientFactory's handlers logged the request.
        await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.SendAsync(new Uri("http://user:secret@127.0.0.1:9/hook?token=abc"), [Paused], Session, CancellationToken.None));

        Assert.Contains(logs.Lines, line => line.Contains("127.0.0.1:9/hook", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains("secret", StringComparison.Ordinal) || line.Contains("token=abc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_FailingUrlWithCredentials_ShouldThrowWithoutThem()
    {
        var (sender, _) = Create(HttpStatusCode.BadGateway);

        // The message becomes the activity's failure in the claim's history.
        var error = await Assert.ThrowsAsync<WebhookDeliveryException>(() => sender.SendAsync(SecretUrl, [Paused], Session, CancellationToken.None));

        Assert.Equal("https://hooks.example.com/path?***: HTTP 502", error.Message);
    }

    [Fact]
    public async Task Send_TargetRemovedSinceTheClaimStarted_ShouldPostNothing()
    {
        var (sender, handler) = Create(HttpStatusCode.OK);
        var removed = new WebhookOptions { Secret = "s3cret" };
        removed.Urls.Add(new Uri("https://old.example.com/hook"));

        var delivered = await sender.SendAsync(WebhookTarget.Of(removed)[0], [Paused], Session, CancellationToken.None);

        Assert.Equal(0, delivered);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public void Resolve_ListReorderedSinceTheClaimStarted_ShouldFindTheSameUrl()
    {
        var atStart = new WebhookOptions { Secret = "s3cret" };
        atStart.Urls.Add(new Uri("https://a.example.com/hook"));
        atStart.Urls.Add(SecretUrl);
        var now = new WebhookOptions { Secret = "s3cret" };
        now.Urls.Add(SecretUrl);

        Assert.Equal(SecretUrl, WebhookTarget.Of(atStart)[1].Resolve(now));
    }

    [Fact]
    public void Target_UrlWithCredentials_ShouldNotCarryThemInItsRecordedForm()
    {
        var options = new WebhookOptions { Secret = "s3cret" };
        options.Urls.Add(SecretUrl);

        var recorded = System.Text.Json.JsonSerializer.Serialize(WebhookTarget.Of(options), ClaimsJson.Options);

        Assert.DoesNotContain("hooks.example.com", recorded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://user:secret@hooks.example.com/path?token=abc", "https://hooks.example.com/path?***")]
    [InlineData("http://127.0.0.1:8080/hook", "http://127.0.0.1:8080/hook")]
    [InlineData("https://hooks.example.com/p#frag", "https://hooks.example.com/p")]
    public void Redact_Url_ShouldDropUserInfoQueryAndFragment(string url, string expected)
    {
        Assert.Equal(expected, WebhookUrlRedaction.Redact(new Uri(url)));
    }

    private sealed record Captured(Dictionary<string, string> Headers, string Body);

    private sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public List<Captured> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Requests.Add(new Captured(headers, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status);
        }
    }

    private sealed class HandlerFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

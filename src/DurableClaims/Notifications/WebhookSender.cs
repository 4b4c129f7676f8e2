using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Notifications;

/// <summary>POSTs lifecycle events to the configured webhook URLs, signed with HMAC-SHA256.</summary>
public sealed partial class WebhookSender
{
    /// <summary>The named HttpClient used for deliveries.</summary>
    public const string HttpClientName = "claims-webhooks";

    private readonly IHttpClientFactory _httpClients;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;

    /// <summary>Creates the sender.</summary>
    public WebhookSender(IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients ?? throw new ArgumentNullException(nameof(httpClients));
        _options = options.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Delivers the events to the URL <paramref name="target"/> stands for now; a target no longer configured gets nothing (logged, not retried).</summary>
    /// <exception cref="WebhookDeliveryException">At least one POST failed, so the caller can retry.</exception>
    public Task<int> SendAsync(WebhookTarget target, IReadOnlyList<ClaimLifecycleEvent> events, WebhookSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(session);
        if (target.Resolve(_options) is not { } url)
        {
            // Removed or changed since the claim started: a retry would not bring it back.
            LogTargetGone(_logger, target.ToString(), session.Id);
            return Task.FromResult(0);
        }

        return SendAsync(url, events, session, cancellationToken);
    }

    /// <summary>Delivers each subscribed event to <paramref name="url"/> in order, as a <see cref="WebhookBody"/> with <paramref name="session"/>; returns the number of successful POSTs.</summary>
    /// <exception cref="WebhookDeliveryException">At least one POST failed (after the others were tried), so the caller can retry.</exception>
    public async Task<int> SendAsync(Uri url, IReadOnlyList<ClaimLifecycleEvent> events, WebhookSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(session);
        var selected = events.Where(e => _options.Events.Count == 0 || _options.Events.Contains(e.Type, StringComparer.OrdinalIgnoreCase)).ToList();
        if (selected.Count == 0)
        {
            return 0;
        }

        var failures = new List<string>();
        var delivered = 0;
        using var client = _httpClients.CreateClient(HttpClientName);
        client.Timeout = _options.Timeout;
        foreach (var lifecycleEvent in selected)
        {
            var body = JsonSerializer.Serialize(new WebhookBody(lifecycleEvent.Type, session, lifecycleEvent.Timestamp, lifecycleEvent.Data), ClaimsJson.Options);
            var error = await PostAsync(client, url, lifecycleEvent, body, cancellationToken);
            if (error is null)
            {
                delivered++;
            }
            else
            {
                // The message becomes the activity's failure in the claim's history: no credentials or tokens in it.
                var redacted = WebhookUrlRedaction.Redact(url);
                var scrubbed = WebhookUrlRedaction.Scrub(error, url);
                failures.Add($"{redacted}: {scrubbed}");
                LogFailed(_logger, lifecycleEvent.Id, redacted, scrubbed);
            }
        }

        return failures.Count == 0 ? delivered : throw new WebhookDeliveryException(string.Join("; ", failures));
    }

    private async Task<string?> PostAsync(HttpClient client, Uri url, ClaimLifecycleEvent lifecycleEvent, string body, CancellationToken cancellationToken)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.EventHeader, lifecycleEvent.Type);
        request.Headers.Add(WebhookSignature.DeliveryHeader, lifecycleEvent.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Compute(_options.Secret!, timestamp, body));
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return ex.Message;
        }
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Url} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string url, string error);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "Webhook target {Target} of claim {ClaimId} is no longer configured (removed or changed since the claim started); its events are not delivered")]
    private static partial void LogTargetGone(ILogger logger, string target, string claimId);
}

/// <summary>Thrown when a webhook POST failed; the durable retry policy repeats the delivery.</summary>
public sealed class WebhookDeliveryException : Exception
{
    public WebhookDeliveryException()
    {
    }

    public WebhookDeliveryException(string message)
        : base(message)
    {
    }

    public WebhookDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace DurableClaims.Configuration;

/// <summary>Webhook targets for lifecycle events, bound from "Claims:Webhooks".</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Webhooks";

    /// <summary>Gets the absolute http(s) URLs that receive every lifecycle event.</summary>
    public IList<Uri> Urls { get; } = [];

    /// <summary>Gets or sets the HMAC-SHA256 key; required when URLs are configured.</summary>
    public string? Secret { get; set; }

    /// <summary>Gets the event types to send; empty sends all.</summary>
    public IList<string> Events { get; } = [];

    /// <summary>Gets or sets the attempts per delivery (durable retries with backoff).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Gets or sets the wait before the first retry (doubles each time).</summary>
    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the timeout of one POST.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets whether any URL is configured.</summary>
    public bool Enabled => Urls.Count > 0;
}

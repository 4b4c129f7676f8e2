using System.Text.Json.Serialization;
using DurableClaims.Notifications;

namespace DurableClaims.Workflow;

/// <summary>The settings a claim runs with, read once by the first activity so replays never see a configuration change.</summary>
public sealed record WorkflowSettings
{
    public bool EnableHumanInTheLoop { get; init; } = true;

    public int MaxRounds { get; init; } = 15;

    public int StallThreshold { get; init; } = 3;

    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromDays(2);

    public TimeSpan DocumentDeadline { get; init; } = TimeSpan.FromDays(14);

    public TimeSpan ReviewDeadline { get; init; } = TimeSpan.FromDays(14);

    /// <summary>Gets how long a claim that needs an adjuster waits before it closes by itself; zero closes it at once.</summary>
    public TimeSpan AutoCloseAfter { get; init; } = TimeSpan.FromDays(30);

    public double HighRiskThreshold { get; init; } = 0.7;

    public int ActivityMaxAttempts { get; init; } = 3;

    public TimeSpan ActivityFirstRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the webhooks this claim notifies, fixed at its start by position and fingerprint (never the URLs: this record is in the history); each gets its own delivery and retries.</summary>
    public IReadOnlyList<WebhookTarget> WebhookTargets { get; init; } = [];

    /// <summary>Gets the URLs a claim started before <see cref="WebhookTargets"/> existed recorded; read from such histories only, never written.</summary>
    /// <remarks>Their count keeps a replay scheduling the same deliveries; the deliveries themselves name positions only.</remarks>
    [JsonPropertyName("webhookUrls")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Uri>? LegacyWebhookUrls { get; init; }

    public int WebhookMaxAttempts { get; init; } = 4;

    public TimeSpan WebhookFirstRetryInterval { get; init; } = TimeSpan.FromSeconds(2);
}

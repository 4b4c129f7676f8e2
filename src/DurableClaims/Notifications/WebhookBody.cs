using System.Globalization;
using DurableClaims.Contracts;

namespace DurableClaims.Notifications;

/// <summary>The JSON a webhook receives, shaped as the seed's: <c>{ event, session: { id, mode, status, task, userId }, timestamp, data }</c>.</summary>
/// <param name="Event">The lifecycle event type (<see cref="ClaimEventTypes"/>).</param>
/// <param name="Session">The claim the event belongs to, as it stood when the event happened.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Data">The event's own data.</param>
public sealed record WebhookBody(string Event, WebhookSession Session, DateTimeOffset Timestamp, IReadOnlyDictionary<string, object?>? Data);

/// <summary>The <c>session</c> of a webhook body: the claim id, its type as the seed's <c>mode</c>, status, a one-line summary as <c>task</c>, and the claimant as <c>userId</c>.</summary>
public sealed record WebhookSession(string Id, string Mode, string Status, string Task, string UserId)
{
    private const int MaxTaskLength = 200;

    /// <summary>The session of <paramref name="claim"/> while it has <paramref name="status"/>.</summary>
    public static WebhookSession Of(ClaimSubmission claim, string status)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var summary = string.Create(CultureInfo.InvariantCulture, $"{claim.ClaimType} claim for {claim.Amount:0.00} {claim.Currency}: {claim.Description}");
        return new WebhookSession(
            claim.ClaimId, claim.ClaimType, status,
            summary.Length <= MaxTaskLength ? summary : summary[..(MaxTaskLength - 1)] + "…",
            claim.Claimant.Email);
    }
}

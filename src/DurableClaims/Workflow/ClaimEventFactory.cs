using DurableClaims.Contracts;

namespace DurableClaims.Workflow;

/// <summary>Builds lifecycle events with deterministic ids, so re-run activities and replays never duplicate them.</summary>
public static class ClaimEventFactory
{
    /// <summary>Returns event number <paramref name="sequence"/> of a claim.</summary>
    public static ClaimLifecycleEvent Create(
        string claimId, int sequence, string type, DateTimeOffset at, IReadOnlyDictionary<string, object?>? data = null)
        => new(IdOf(claimId, sequence), claimId, type, at, data);

    /// <summary>Returns the id of event number <paramref name="sequence"/>.</summary>
    public static string IdOf(string claimId, int sequence) => FormattableString.Invariant($"{claimId}:{sequence:D3}");

    /// <summary>Returns the event type that ends a claim with <paramref name="status"/>.</summary>
    public static string TypeFor(string status) => status switch
    {
        ClaimStatusCodes.Timeout => ClaimEventTypes.Timeout,
        ClaimStatusCodes.Error => ClaimEventTypes.Error,
        _ => ClaimEventTypes.Complete,
    };

    /// <summary>Returns the event that records the end of a claim.</summary>
    public static ClaimLifecycleEvent Completion(string eventId, ClaimOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new ClaimLifecycleEvent(eventId, outcome.ClaimId, TypeFor(outcome.Status), outcome.CompletedAt, new Dictionary<string, object?>
        {
            ["status"] = outcome.Status,
            ["reason"] = outcome.Reason,
            ["rounds"] = outcome.Rounds,
            ["payableAmount"] = outcome.Decision?.PayableAmount,
            ["decidedBy"] = outcome.Decision?.DecidedBy,
            ["errorMessage"] = outcome.ErrorMessage,
        });
    }
}

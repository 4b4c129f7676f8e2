namespace DurableClaims.Api.Intake;

/// <summary>The Event Grid subscription-validation answer: <c>{"validationResponse": code}</c>.</summary>
/// <param name="ValidationResponse">The code Event Grid sent.</param>
public sealed record SubscriptionValidationResponse(string ValidationResponse);

/// <summary>What a delivery did: events raised, duplicates skipped, notifications ignored.</summary>
/// <param name="Raised">DocumentsReceived events raised.</param>
/// <param name="Duplicates">Uploads already handled.</param>
/// <param name="Ignored">Notifications that were not claim documents of running claims, and events of other types.</param>
public sealed record BlobEventsResult(int Raised, int Duplicates, int Ignored)
{
    /// <summary>Gets the notifications refused: the blob is missing, in another account, or over the size limit.</summary>
    public int Refused { get; init; }

    /// <summary>Gets the uploads another intake was raising at the time; the delivery must be retried for them (503, or the queue redelivers).</summary>
    public int InProgress { get; init; }

    /// <summary>Gets the entries that were not events (null, not an object, unreadable), each as <c>[index]: reason</c>.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];
}

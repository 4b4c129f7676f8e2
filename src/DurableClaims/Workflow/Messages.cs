using System.Globalization;
using DurableClaims.Contracts;

namespace DurableClaims.Workflow;

/// <summary>The system messages the orchestrator writes into a claim's history (deterministic text only).</summary>
internal static class Messages
{
    private const string SystemAuthor = "system";
    private const string NotificationsAuthor = "notifications";

    public static IReadOnlyList<NewMessage> MissingDocumentsNotice(
        ClaimSubmission claim, IReadOnlyList<string> missing, IReadOnlyDictionary<string, string> reasons, DateTimeOffset deadline)
    {
        var lines = missing.Select(m => reasons.TryGetValue(m, out var why) ? $"- {m}: {why}" : $"- {m}");
        return
        [
            new(SystemAuthor, TurnRecording.System, $"Claim paused: waiting for {string.Join(", ", missing)} until {Date(deadline)}."),
            new(NotificationsAuthor, TurnRecording.Assistant,
                $"Dear {claim.Claimant.Name}, to continue with claim {claim.ClaimId} we need the following documents by {Date(deadline)}:\n{string.Join('\n', lines)}\nPlease upload them quoting your claim number."),
        ];
    }

    /// <summary>The reminder to the customer: on the reminder timer, or sent by <paramref name="requestedBy"/> (with the adjuster's note quoted).</summary>
    public static IReadOnlyList<NewMessage> Reminder(ClaimSubmission claim, IReadOnlyList<string> missing, int number, DateTimeOffset deadline, AdjusterAction? requestedBy = null)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Reminder {number} to {claim.Claimant.Name}: claim {claim.ClaimId} still needs {string.Join(", ", missing)}. Without them the claim closes on {Date(deadline)}.");
        if (requestedBy is not null)
        {
            text += $" Sent by adjuster {requestedBy.Adjuster}." + (string.IsNullOrWhiteSpace(requestedBy.Notes) ? string.Empty : $" Note: {requestedBy.Notes.Trim()}");
        }

        return [new(NotificationsAuthor, TurnRecording.Assistant, text)];
    }

    public static IReadOnlyList<NewMessage> Receipt(IReadOnlyList<ReceivedDocument> added, IReadOnlyList<string> missing, string source)
        =>
        [
            new(SystemAuthor, TurnRecording.System,
                $"Received {string.Join(", ", added.Select(d => $"{d.Type} ({d.Filename})"))} via {source}. "
                + (missing.Count == 0 ? "All required documents are on file; analysis resumes." : $"Still missing: {string.Join(", ", missing)}.")),
        ];

    public static IReadOnlyList<NewMessage> ReviewRequest(double risk, double threshold, string? recommendation, IReadOnlyList<string> reasons, DateTimeOffset deadline)
        =>
        [
            new(SystemAuthor, TurnRecording.System,
                string.Create(CultureInfo.InvariantCulture, $"Risk score {risk:0.00} is at or above {threshold:0.00}: waiting for an adjuster until {Date(deadline)}. The agents recommend: {recommendation ?? "no recommendation"}. {string.Join(" ", reasons)}")),
        ];

    public static IReadOnlyList<NewMessage> ReviewReminder(int number, DateTimeOffset deadline)
        =>
        [
            new(NotificationsAuthor, TurnRecording.Assistant,
                string.Create(CultureInfo.InvariantCulture, $"Reminder {number} to the adjusters: this claim waits for a review decision until {Date(deadline)}.")),
        ];

    public static IReadOnlyList<NewMessage> AdjusterDecided(AdjusterDecision decision)
        => [new(decision.Adjuster, "user", $"Adjuster decision: {decision.Decision}. {decision.Notes}".TrimEnd())];

    public static IReadOnlyList<NewMessage> NeedsAdjuster(string status, string reason, string? error, IReadOnlyList<string> actions, DateTimeOffset closesAt)
        =>
        [
            new(SystemAuthor, TurnRecording.System,
                $"Claim {status} ({reason}){(error is null ? string.Empty : ": " + error.Split('\n', 2)[0])}. An adjuster can {string.Join(", ", actions)}; otherwise it closes as {status} on {Date(closesAt)}."),
        ];

    public static IReadOnlyList<NewMessage> AdjusterActed(AdjusterAction action)
        =>
        [
            new(action.Adjuster, "user",
                $"Adjuster action: {action.Action}{(action.Documents is { Count: > 0 } documents ? " (" + string.Join(", ", documents) + ")" : string.Empty)}. {action.Notes}".TrimEnd()),
        ];

    private static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

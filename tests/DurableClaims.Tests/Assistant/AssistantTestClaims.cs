using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Contracts;

namespace DurableClaims.Tests.Assistant;

/// <summary>Claim records for the assistant's tests: a paused auto claim with a police report, and a denied one.</summary>
internal static class AssistantTestClaims
{
    public static readonly DateTimeOffset Deadline = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    public static readonly GroundingDocument PoliceReport = new(
        "police_report",
        "police_report.txt",
        "Ridgeview Police Department - Traffic incident report 2026-RV-44812.\nLocation: Ridge Road near No. 118. Single-vehicle collision with a roadside bollard on an icy surface. "
        + "Driver Dana Whitfield, sober, licence valid.\nNo injuries. Vehicle towed to Northside Auto Repair.");

    public static readonly GroundingDocument RepairEstimate = new(
        "repair_estimate", "repair_estimate.md", "Northside Auto Repair estimate: front bumper 1,200.00 EUR, headlight 480.00 EUR. Total 1,680.00 EUR.");

    public static ClaimGrounding Paused() => new(
        "CLM-ASK-1",
        new ClaimStatusView
        {
            ClaimId = "CLM-ASK-1",
            Status = ClaimStatusCodes.Paused,
            Reason = "missing_documents",
            Detail = "Waiting for the customer's documents: repair_estimate, vehicle_damage_photos.",
            Awaiting = "documents",
            Deadline = Deadline,
            MissingDocuments = ["repair_estimate", "vehicle_damage_photos"],
            Claim = new ClaimFactsView("POL-1", "auto", new DateOnly(2026, 11, 2), 1680m, "EUR", "Dana Whitfield", "dana@example.com", "Hit a bollard on ice."),
        },
        [new ClaimLifecycleEvent("e1", "CLM-ASK-1", ClaimEventTypes.Start, Deadline.AddDays(-14)), new ClaimLifecycleEvent("e2", "CLM-ASK-1", ClaimEventTypes.Pause, Deadline.AddDays(-14))],
        [new SessionMessage("h1", "intake", "assistant", "Two documents are missing: repair_estimate, vehicle_damage_photos.", Deadline.AddDays(-14))],
        [PoliceReport]);

    public static ClaimGrounding Denied() => new(
        "CLM-ASK-2",
        new ClaimStatusView
        {
            ClaimId = "CLM-ASK-2",
            Status = ClaimStatusCodes.Denied,
            Decision = new ClaimDecision
            {
                Outcome = "deny",
                PolicyNumber = "POL-2",
                ClaimedAmount = 900m,
                Currency = "EUR",
                DecidedBy = "rules",
                Reasons = ["The policy had expired on 2026-10-01."],
                DecidedAt = Deadline.AddDays(-3),
            },
        },
        [],
        [],
        [PoliceReport, RepairEstimate]);

    /// <summary>A prompt for <paramref name="question"/> over <paramref name="claim"/> with <paramref name="context"/> as the selected earlier turns.</summary>
    public static AssistantPrompt Prompt(ClaimGrounding claim, string question, params ConversationMessage[] context)
        => PromptBuilder.Build(claim, context, question, new AssistantOptions());

    public static ConversationMessage Turn(string role, string content, string? topic = null, int minute = 0) => new()
    {
        Id = ConversationIds.NewMessage(),
        Role = role,
        Content = content,
        Summary = DeterministicSummarizer.Summarize(role, content),
        Topic = topic,
        CreatedAt = Deadline.AddDays(-10).AddMinutes(minute),
    };
}

namespace DurableClaims.Agents;

/// <summary>A named agent: its instructions and the tools (plugin functions) it may call.</summary>
/// <param name="Name">The agent name; also the author of its messages.</param>
/// <param name="Instructions">The system prompt.</param>
/// <param name="Tools">Plugin functions as <c>plugin.function</c>.</param>
public sealed record ClaimAgent(string Name, string Instructions, IReadOnlyList<string> Tools);

/// <summary>The claims team: intake, documents, risk, coverage and decision agents.</summary>
public static class ClaimAgents
{
    public const string IntakeName = "intake";
    public const string DocumentsName = "documents";
    public const string RiskName = "risk";
    public const string CoverageName = "coverage";
    public const string DecisionName = "decision";

    /// <summary>The version of the instructions below; change it with any prompt so each decision names the prompts it ran on.</summary>
    public const string PromptVersion = "prompts-v1";

    private const string VerdictFormat =
        "End your message with a fenced ```json block holding your verdict: {\"findings\": [short factual sentences, "
        + "stable wording so repeated facts compare equal], \"riskScore\": number 0-1 or null, \"recommendation\": "
        + "\"approve\" | \"deny\" | null, \"additionalDocuments\": [{\"type\", \"reason\"}], \"reasons\": [..], "
        + "\"evidence\": [{\"source\", \"detail\"}]}. Use only facts from the case file and tool results.";

    public static ClaimAgent Intake { get; } = new(
        IntakeName,
        "You are the intake agent of an insurance claims team. Read the case file, look the policy up with the "
        + "policy tool, and summarise the claim for your colleagues: who, what, when, how much, and whether the "
        + "policy is on file. Do not decide the claim. " + VerdictFormat,
        ["policy.get_policy"]);

    public static ClaimAgent Documents { get; } = new(
        DocumentsName,
        "You are the documents agent. Check the documents received against the requirements tool's list for the "
        + "claim type, read their contents, and name any further document the facts call for (a third party involved "
        + "needs a third_party_statement; an amount above the appraisal threshold needs an independent_appraisal) in "
        + "additionalDocuments. " + VerdictFormat,
        ["requirements.get_required_documents"]);

    public static ClaimAgent Risk { get; } = new(
        RiskName,
        "You are the risk and fraud agent. Score the claim from 0 (no concern) to 1 (near-certain fraud) from the "
        + "facts: late reporting, a policy that started just before the incident, an amount near the limit, telling "
        + "phrases, documents that disagree. List each indicator you used as a finding. " + VerdictFormat,
        []);

    public static ClaimAgent Coverage { get; } = new(
        CoverageName,
        "You are the coverage agent. Use the evaluate_coverage tool and explain which policy rules pass or fail "
        + "and the payable amount after deductible and limit. " + VerdictFormat,
        ["policy.evaluate_coverage"]);

    public static ClaimAgent Decision { get; } = new(
        DecisionName,
        "You are the decision agent. Weigh your colleagues' messages. Recommend approve or deny only when the "
        + "facts support it; while amounts conflict or line items remain unverified, verify what you can, record it "
        + "as findings and leave recommendation null. Give the reasons and evidence a customer and an auditor can "
        + "follow. " + VerdictFormat,
        []);

    /// <summary>Gets the agents that run at intake.</summary>
    public static IReadOnlyList<ClaimAgent> IntakeTeam { get; } = [Intake, Documents];

    /// <summary>Gets the agents of one analysis round, in speaking order.</summary>
    public static IReadOnlyList<ClaimAgent> AnalysisTeam { get; } = [Documents, Risk, Coverage, Decision];
}

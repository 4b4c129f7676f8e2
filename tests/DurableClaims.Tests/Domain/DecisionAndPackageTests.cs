using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;

namespace DurableClaims.Tests.Domain;

public sealed class DecisionAndPackageTests
{
    private static readonly PolicyCatalog Catalog = PolicyCatalog.CreateDefault();

    private static ClaimDecision Decide(ClaimSubmission claim, string? recommendation, double risk = 0.1, AdjusterDecision? adjuster = null)
        => DecisionBuilder.Build(new DecisionInput
        {
            Claim = claim,
            Coverage = CoverageRules.Evaluate(claim, Catalog.FindPolicy(claim.PolicyNumber)),
            Recommendation = recommendation,
            RiskScore = risk,
            HighRiskThreshold = 0.7,
            Adjuster = adjuster,
            DecidedAt = TestClaims.Clock().GetUtcNow(),
        });

    [Fact]
    public void Build_AgentsApproveUncoveredClaim_ShouldBeDeniedByTheRules()
    {
        var decision = Decide(TestClaims.Auto() with { PolicyNumber = "POL-AUTO-3003" }, AdjusterDecisions.Approve);

        Assert.Equal((AdjusterDecisions.Deny, DecisionBuilder.ByRules, 0m), (decision.Outcome, decision.DecidedBy, decision.PayableAmount));
    }

    [Fact]
    public void Build_HighRiskDenial_ShouldNameTheRiskRule()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Deny, risk: 0.8);

        Assert.Equal(RuleResults.Failed, decision.RulesApplied.Single(r => r.Id == "risk.threshold").Result);
    }

    [Fact]
    public void Build_AdjusterApproves_ShouldPayAfterDeductibleAndRecordTheAdjuster()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Deny, 0.9, new AdjusterDecision("approve", "Jordan Reyes", "Checked."));

        Assert.Equal((AdjusterDecisions.Approve, DecisionBuilder.ByAdjuster, 3750m, "Jordan Reyes"), (decision.Outcome, decision.DecidedBy, decision.PayableAmount, decision.Adjuster));
    }

    [Fact]
    public void Write_Approval_ShouldBeAHandOffPackageWithPayableAmountAndRules()
    {
        var claim = TestClaims.Auto();

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Approve), ["Police report (police_report): report.txt"]);

        Assert.Contains("# Hand-off package: claim CLM-TEST-0001", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Payable amount** | **3,750.00 USD** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| payout.deductible: The deductible is subtracted from the claimed amount. | applied |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Denial_ShouldBeALetterWithTheFailedRule()
    {
        var claim = TestClaims.Auto() with { PolicyNumber = "POL-AUTO-3003" };

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Deny), []);

        Assert.StartsWith("# Denial package: claim CLM-TEST-0001\n\nDear Dana Whitfield,", markdown, StringComparison.Ordinal);
        Assert.Contains("The incident must fall within the policy period. Incident on 2026-11-02; policy period 2025-01-01 to 2025-12-31.", markdown, StringComparison.Ordinal);
    }
}

using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;

namespace DurableClaims.Tests.Domain;

public sealed class DecisionAndPackageTests
{
    private const string ApprovalReason = "Everything checks out; the claimant is reliable.";
    private static readonly PolicyCatalog Catalog = PolicyCatalog.CreateDefault();

    private static ClaimDecision Decide(ClaimSubmission claim, string? recommendation, double risk = 0.1, AdjusterDecision? adjuster = null)
    {
        var policy = Catalog.FindPolicy(claim.PolicyNumber);
        return DecisionBuilder.Build(new DecisionInput
        {
            Claim = claim,
            Coverage = CoverageRules.Evaluate(claim, policy),
            Risk = RiskAssessor.Assess(claim, policy, TestClaims.Clock().GetUtcNow(), [], Catalog.Requirements.Risk),
            Recommendation = recommendation,
            RiskScore = risk,
            HighRiskThreshold = 0.7,
            Adjuster = adjuster,
            AgentReasons = [ApprovalReason],
            Documents = [new DecisionDocument("police_report", "report.txt", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 2048)],
            ModelVersion = "gpt-test/prompts-v1",
            DecidedAt = TestClaims.Clock().GetUtcNow(),
        });
    }

    [Fact]
    public void Build_AgentsApproveUncoveredClaim_ShouldBeDeniedByTheRules()
    {
        var decision = Decide(TestClaims.Expired(), AdjusterDecisions.Approve);

        Assert.Equal((AdjusterDecisions.Deny, DecisionBuilder.ByRules, 0m), (decision.Outcome, decision.DecidedBy, decision.PayableAmount));
    }

    [Fact]
    public void Build_HighRiskDenial_ShouldNameTheRiskRule()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Deny, risk: 0.8);

        Assert.Equal(RuleResults.Failed, decision.RulesApplied.Single(r => r.Id == "risk.threshold").Result);
    }

    [Fact]
    public void Build_ModelApprovesAHighRiskClaimWithALowScore_ShouldBeDeniedByTheRiskFloor()
    {
        var decision = Decide(TestClaims.HighRisk("CLM-FLOOR"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Equal((AdjusterDecisions.Deny, DecisionBuilder.ByRules, 0m), (decision.Outcome, decision.DecidedBy, decision.PayableAmount));
        Assert.True(decision.RiskScore >= 0.7, $"risk {decision.RiskScore}");
    }

    [Fact]
    public void Build_ModelScoresHigherThanTheRules_ShouldUseTheModelsScore()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Approve, risk: 0.9);

        Assert.Equal((AdjusterDecisions.Deny, 0.9), (decision.Outcome, decision.RiskScore));
    }

    [Fact]
    public void Build_RiskRule_ShouldRecordBothScoresAndTheThreshold()
    {
        var rule = Decide(TestClaims.HighRisk("CLM-INPUTS"), AdjusterDecisions.Approve, risk: 0.1).RulesApplied.Single(r => r.Id == "risk.threshold");

        Assert.Equal(("0.10", "0.70", "11"), (rule.Inputs!["modelScore"], rule.Inputs["threshold"], rule.Inputs["policyAgeDays"]));
        Assert.Equal(rule.Inputs["score"], rule.Inputs["rulesScore"]);
    }

    [Fact]
    public void Build_DenialOverTheModelsApproval_ShouldGiveOnlyTheReasonsForTheDenial()
    {
        var decision = Decide(TestClaims.HighRisk("CLM-REASONS"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.DoesNotContain(ApprovalReason, decision.Reasons);
        Assert.Contains(decision.Reasons, r => r.StartsWith("Payment requested in cash", StringComparison.Ordinal));
        Assert.Equal([ApprovalReason], decision.AgentReasons);
    }

    [Fact]
    public void Build_AdjusterApproves_ShouldPayAfterDeductibleAndRecordTheAdjuster()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Deny, 0.9, new AdjusterDecision("approve", "Jordan Reyes", "Checked."));

        Assert.Equal((AdjusterDecisions.Approve, DecisionBuilder.ByAdjuster, 3750m, "Jordan Reyes"), (decision.Outcome, decision.DecidedBy, decision.PayableAmount, decision.Adjuster));
    }

    [Fact]
    public void Build_AdjusterSettlesBelowWhatThePolicyAllows_ShouldPayTheSettlementAndRecordIt()
    {
        var decision = Decide(TestClaims.Auto(), AdjusterDecisions.Deny, 0.9, new AdjusterDecision("approve", "Jordan Reyes", "Agreed with the garage.", 3000m));

        var rule = decision.RulesApplied.Single(r => r.Id == "payout.adjuster");
        Assert.Equal((3000m, 3000m), (decision.PayableAmount, decision.AdjusterAmount));
        Assert.Equal(("3000.00", "3750.00", "3000.00"), (rule.Inputs!["adjusterAmount"], rule.Inputs["policyAllows"], rule.Inputs["payable"]));
    }

    [Fact]
    public void Build_AdjusterSettlesAboveTheLimit_ShouldPayNoMoreThanThePolicyAllows()
    {
        var decision = Decide(TestClaims.Auto(amount: 40000m), AdjusterDecisions.Deny, 0.9, new AdjusterDecision("approve", "Jordan Reyes", null, 39000m));

        Assert.Equal(25000m, decision.PayableAmount);
        Assert.Contains("capped at the 25,000.00 USD the policy allows", decision.RulesApplied.Single(r => r.Id == "payout.adjuster").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AdjusterDenies_ShouldGiveTheAdjustersNotesAsTheReason()
    {
        var decision = Decide(TestClaims.HighRisk("CLM-ADJ-DENY"), AdjusterDecisions.Approve, 0.9, new AdjusterDecision("deny", "Jordan Reyes", "The garage does not exist."));

        Assert.Equal(["Adjuster Jordan Reyes decided to deny: The garage does not exist."], decision.Reasons);
    }

    [Fact]
    public void Write_Approval_ShouldBeAHandOffPackageWithPayableAmountAndRules()
    {
        var claim = TestClaims.Auto();

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Approve), Catalog.TitleOf);

        Assert.Contains("# Hand-off package: claim CLM-TEST-0001", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Payable amount** | **3,750.00 USD** |", markdown, StringComparison.Ordinal);
        Assert.Contains("| payout.deductible: The deductible is subtracted from the claimed amount. | applied |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Approval_ShouldListDocumentsWithAShortHashTheModelAndWhoDecided()
    {
        var claim = TestClaims.Auto();

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Approve), Catalog.TitleOf);

        Assert.Contains("- Police report (police_report): report.txt (SHA-256 0123456789ab, 2,048 bytes)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Model | gpt-test/prompts-v1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Decided by | the claims agents on 2026-11-23 09:00 UTC |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AdjusterSettlement_ShouldShowTheSettlementInTheHandOffPackage()
    {
        var claim = TestClaims.Auto();

        var markdown = PackageWriter.Write(claim, Decide(claim, null, 0.9, new AdjusterDecision("approve", "Jordan Reyes", null, 3000m)));

        Assert.Contains("| Adjuster settlement | 3,000.00 USD |", markdown, StringComparison.Ordinal);
        Assert.Contains("| **Payable amount** | **3,000.00 USD** |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Denial_ShouldBeALetterWithTheFailedRule()
    {
        var claim = TestClaims.Expired();

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Deny));

        Assert.StartsWith("# Denial package: claim CLM-TEST-0001\n\nDear Priya Raman,", markdown, StringComparison.Ordinal);
        Assert.Contains("The incident must fall within the policy period. Incident on 2026-11-02; policy period 2025-01-01 to 2025-12-31.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DenialOverTheModelsApproval_ShouldNotQuoteTheApprovalReasons()
    {
        var claim = TestClaims.HighRisk("CLM-LETTER");

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Approve, risk: 0.1));

        Assert.DoesNotContain(ApprovalReason, markdown, StringComparison.Ordinal);
        Assert.Contains("Incident 11 days after the policy started", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Denial_ShouldListTheDocumentsReviewedAndTheModelVersion()
    {
        var claim = TestClaims.Expired();

        var markdown = PackageWriter.Write(claim, Decide(claim, AdjusterDecisions.Deny), Catalog.TitleOf);

        Assert.Contains("## Documents we reviewed\n\n- Police report (police_report): report.txt (SHA-256 0123456789ab, 2,048 bytes)", markdown, StringComparison.Ordinal);
        Assert.Contains("Analysis: gpt-test/prompts-v1.", markdown, StringComparison.Ordinal);
    }
}

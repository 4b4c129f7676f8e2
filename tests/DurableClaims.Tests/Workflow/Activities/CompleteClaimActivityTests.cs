using System.Security.Cryptography;
using System.Text;
using DurableClaims.Agents.Offline;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Testing;
using DurableClaims.Workflow;
using DurableClaims.Workflow.Activities;

namespace DurableClaims.Tests.Workflow.Activities;

public sealed class CompleteClaimActivityTests : IDisposable
{
    private const string ApprovalReason = "The claimant is trustworthy and the damage is consistent; pay in full.";
    private readonly ActivityHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private async Task<ClaimOutcome> CompleteAsync(ClaimSubmission claim, string recommendation, double risk, IReadOnlyList<ReceivedDocument>? documents = null)
        => await _harness.Create<CompleteClaimActivity>().RunAsync(
            ActivityHarness.Context(claim.ClaimId),
            new CompletionRequest
            {
                Claim = claim with { SubmittedAt = WorkflowHost.Start },
                State = ClaimState.Start(claim.ClaimId, 15) with
                {
                    Rounds = 1,
                    RiskScore = risk,
                    Recommendation = recommendation,
                    AgentReasons = [ApprovalReason],
                    Received = documents ?? [],
                    ModelVersion = "gpt-test/prompts-v1",
                },
                At = WorkflowHost.Start.AddHours(1),
                HighRiskThreshold = 0.7,
                EventId = $"{claim.ClaimId}:9",
            });

    [Fact]
    public async Task RunAsync_ModelApprovesAHighRiskClaimWithALowScore_ShouldDenyItForHighRisk()
    {
        var outcome = await CompleteAsync(TestClaims.HighRisk("CLM-DONE-FLOOR"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Equal((ClaimStatusCodes.Denied, ClaimReasons.HighRisk), (outcome.Status, outcome.Reason));
        Assert.True(outcome.Decision!.RiskScore >= 0.7, $"risk {outcome.Decision.RiskScore}");
    }

    [Fact]
    public async Task RunAsync_ModelGaveApprovalReasonsOnADeniedClaim_ShouldLeaveThemOutOfTheLetter()
    {
        var outcome = await CompleteAsync(TestClaims.HighRisk("CLM-DONE-LETTER"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Equal(PackageWriter.DenialFileName, outcome.PackageFileName);
        Assert.DoesNotContain(ApprovalReason, outcome.PackageMarkdown, StringComparison.Ordinal);
        Assert.Contains("Payment requested in cash", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ModelGaveApprovalReasonsOnADeniedClaim_ShouldKeepThemOnRecordInTheDecision()
    {
        var outcome = await CompleteAsync(TestClaims.HighRisk("CLM-DONE-RECORD"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Equal((AdjusterDecisions.Approve, ApprovalReason), (outcome.Decision!.AgentRecommendation, Assert.Single(outcome.Decision.AgentReasons)));
        Assert.DoesNotContain(ApprovalReason, outcome.Decision.Reasons);
    }

    [Fact]
    public async Task RunAsync_Decision_ShouldCiteEachDocumentWithTheSha256OfItsStoredContent()
    {
        var claim = TestClaims.Auto("CLM-DONE-DOCS");
        var report = await _harness.StoreAsync(claim.ClaimId, "police_report", "Police report 42: bollard, black ice.");

        var outcome = await CompleteAsync(claim, AdjusterDecisions.Approve, risk: 0.1, [report]);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("Police report 42: bollard, black ice.")));
        Assert.Equal(new DecisionDocument("police_report", "police_report.txt", expected, 37), Assert.Single(outcome.Decision!.Documents));
        Assert.Contains($"police_report.txt (SHA-256 {expected[..12]}, 37 bytes)", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DocumentNoLongerStored_ShouldCiteTheFingerprintItsReceiptRecorded()
    {
        var receipt = new ReceivedDocument("police_report", "gone.pdf", "CLM-DONE-GONE/police_report/gone.pdf", 1234, "application/pdf", new string('a', 64));

        var outcome = await CompleteAsync(TestClaims.Auto("CLM-DONE-GONE"), AdjusterDecisions.Approve, risk: 0.1, [receipt]);

        Assert.Equal(new DecisionDocument("police_report", "gone.pdf", new string('a', 64), 1234, "application/pdf"), Assert.Single(outcome.Decision!.Documents));
    }

    [Fact]
    public async Task RunAsync_Decision_ShouldRecordEachRuleWithItsInputs()
    {
        var outcome = await CompleteAsync(TestClaims.Auto("CLM-DONE-INPUTS"), AdjusterDecisions.Approve, risk: 0.1);

        var period = outcome.Decision!.RulesApplied.Single(r => r.Id == "coverage.period");
        Assert.Equal(("2026-11-02", "2026-01-01", "2026-12-31"), (period.Inputs!["incidentDate"], period.Inputs["effectiveFrom"], period.Inputs["effectiveTo"]));
        Assert.Contains("| incidentDate=2026-11-02; effectiveFrom=2026-01-01; effectiveTo=2026-12-31 |", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Approval_ShouldShowTheModelVersionInTheHandOffPackage()
    {
        var outcome = await CompleteAsync(TestClaims.Auto("CLM-DONE-MODEL"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Equal(("gpt-test/prompts-v1", ClaimStatusCodes.Approved), (outcome.Decision!.ModelVersion, outcome.Status));
        Assert.Contains("| Model | gpt-test/prompts-v1 |", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Denial_ShouldShowTheModelVersionAndWhoDecidedInTheLetter()
    {
        var outcome = await CompleteAsync(TestClaims.HighRisk("CLM-DONE-WHO"), AdjusterDecisions.Approve, risk: 0.1);

        Assert.Contains("Decided by the claims rules on 2026-11-23. Analysis: gpt-test/prompts-v1.", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OfflineVersion_ShouldBeCarriedIntoTheDecision()
    {
        var claim = TestClaims.Auto("CLM-DONE-OFFLINE");
        var outcome = await _harness.Create<CompleteClaimActivity>().RunAsync(
            ActivityHarness.Context(claim.ClaimId),
            new CompletionRequest
            {
                Claim = claim,
                State = ClaimState.Start(claim.ClaimId, 15) with { Recommendation = AdjusterDecisions.Approve, RiskScore = 0.05, ModelVersion = OfflineClaimsModel.Version },
                At = WorkflowHost.Start,
                EventId = "e",
            });

        Assert.Equal(OfflineClaimsModel.Version, outcome.Decision!.ModelVersion);
    }
}

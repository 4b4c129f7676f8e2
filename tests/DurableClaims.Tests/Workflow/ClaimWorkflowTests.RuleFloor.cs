using System.Security.Cryptography;
using System.Text;
using DurableClaims.Agents;
using DurableClaims.Agents.Offline;
using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Workflow;

/// <summary>The rules are a floor no model lowers, and decisions cite their evidence, through the real engine.</summary>
public sealed partial class ClaimWorkflowTests
{
    private const string ModelApprovalReason = "The repairer is reputable and the claimant sounds honest; pay in full.";

    /// <summary>A model that approves every claim with risk 0.1 and reasons for paying.</summary>
    private static ScriptedChatModel LenientModel() => new(turn => turn.Agent == ClaimAgents.DecisionName
        ? "Approve.\n" + new AgentVerdict { Findings = ["Approved by the lenient model."], Recommendation = AdjusterDecisions.Approve, RiskScore = 0.1, Reasons = [ModelApprovalReason] }.ToBlock()
        : ScriptedChatModel.Reply("Fine.", findings: [], risk: 0.1));

    [Fact]
    public async Task Claim_ModelApprovesAHighRiskClaimWithALowScore_ShouldWaitForAnAdjusterInsteadOfPaying()
    {
        await using var host = await StartHostAsync(model: LenientModel());
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-FLOOR"));

        var waiting = await host.WaitForPauseAsync("CLM-W-FLOOR", ClaimAwaiting.Review);

        Assert.Equal(ClaimReasons.AwaitingReview, waiting.Reason);
        Assert.True(waiting.RiskScore >= 0.7, $"risk {waiting.RiskScore}");
    }

    [Fact]
    public async Task Claim_ModelApprovesAHighRiskClaimWithHitlOff_ShouldBeDeniedWithoutTheModelsReasonsInTheLetter()
    {
        await using var host = await StartHostAsync(new Dictionary<string, string?> { ["ORCHESTRATION_ENABLE_HITL"] = "false" }, LenientModel());
        await host.SubmitAsync(TestClaims.HighRisk("CLM-W-LETTER"));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-LETTER");

        Assert.Equal((ClaimStatusCodes.Denied, ClaimReasons.HighRisk, "denial_package.md"), (outcome.Status, outcome.Reason, outcome.PackageFileName));
        Assert.DoesNotContain(ModelApprovalReason, outcome.PackageMarkdown, StringComparison.Ordinal);
        Assert.Contains("Payment requested in cash", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_Decided_ShouldCiteEveryDocumentWithTheSha256OfItsStoredContent()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-CITE", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-CITE");

        var report = outcome.Decision!.Documents.Single(d => d.Type == "police_report");
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("police_report of claim CLM-W-CITE")));
        Assert.Equal(TestClaims.AutoDocuments.Order(StringComparer.Ordinal), outcome.Decision.Documents.Select(d => d.Type).Order(StringComparer.Ordinal));
        Assert.Equal((expected, 33L), (report.Sha256, report.Size));
        Assert.Contains($"police_report.txt (SHA-256 {expected[..12]}, 33 bytes)", outcome.PackageMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_Decided_ShouldNameTheModelVersionInTheDecisionAndThePackage()
    {
        await using var host = await StartHostAsync();
        await host.SubmitAsync(TestClaims.Auto("CLM-W-VERSION", documents: TestClaims.AutoDocuments));

        var outcome = await host.WaitForOutcomeAsync("CLM-W-VERSION");

        Assert.Equal(OfflineClaimsModel.Version, outcome.Decision!.ModelVersion);
        Assert.Contains($"| Model | {OfflineClaimsModel.Version} |", outcome.PackageMarkdown, StringComparison.Ordinal);
    }
}

using DurableClaims.Agents;
using DurableClaims.Agents.Offline;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Testing;
using DurableClaims.Workflow;
using DurableClaims.Workflow.Activities;

namespace DurableClaims.Tests.Workflow.Activities;

public sealed class RunAnalysisRoundActivityTests
{
    private static async Task<RoundResult> RunRoundAsync(ActivityHarness harness, ClaimSubmission claim)
    {
        var received = new List<ReceivedDocument>();
        foreach (var type in TestClaims.AutoDocuments)
        {
            received.Add(await harness.StoreAsync(claim.ClaimId, type, $"The {type.Replace('_', ' ')}."));
        }

        return await harness.Create<RunAnalysisRoundActivity>().RunAsync(
            ActivityHarness.Context(claim.ClaimId),
            new RoundRequest
            {
                Claim = claim,
                State = ClaimState.Start(claim.ClaimId, 15).Intake(TestClaims.AutoDocuments, received).BeginRound(),
                SubmittedAt = WorkflowHost.Start,
                At = WorkflowHost.Start,
                Event = new ClaimLifecycleEvent($"{claim.ClaimId}:1", claim.ClaimId, ClaimEventTypes.Round, WorkflowHost.Start),
            });
    }

    [Fact]
    public async Task RunAsync_ModelScoresAHighRiskClaimLow_ShouldKeepTheRulesRiskScore()
    {
        using var harness = new ActivityHarness(ScriptedChatModel.Approving(risk: 0.1));

        var result = await RunRoundAsync(harness, TestClaims.HighRisk("CLM-ROUND-FLOOR"));

        Assert.Equal(AdjusterDecisions.Approve, result.Recommendation);
        Assert.True(result.RiskScore >= 0.7, $"risk {result.RiskScore}");
    }

    [Fact]
    public async Task RunAsync_ModelSilentOnIndicators_ShouldStillRecordTheRulesIndicatorsAsFindings()
    {
        using var harness = new ActivityHarness(ScriptedChatModel.Approving(risk: 0.1));

        var result = await RunRoundAsync(harness, TestClaims.HighRisk("CLM-ROUND-FINDINGS"));

        Assert.Contains(result.NewFindings, f => f.StartsWith("Incident 11 days after the policy started", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.Source == "risk" && e.Detail.Contains("cash only", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ModelScoresHigherThanTheRules_ShouldKeepTheModelsScore()
    {
        using var harness = new ActivityHarness(ScriptedChatModel.Approving(risk: 0.95));

        var result = await RunRoundAsync(harness, TestClaims.Auto("CLM-ROUND-RAISE"));

        Assert.Equal(0.95, result.RiskScore);
    }

    [Fact]
    public async Task RunAsync_ScriptedModel_ShouldReportTheModelAndPromptVersion()
    {
        using var harness = new ActivityHarness(ScriptedChatModel.Approving());

        var result = await RunRoundAsync(harness, TestClaims.Auto("CLM-ROUND-VERSION"));

        Assert.Equal($"scripted/{ClaimAgents.PromptVersion}", result.ModelVersion);
    }

    [Fact]
    public async Task RunAsync_OfflineModel_ShouldReportTheOfflineRulesVersion()
    {
        using var harness = new ActivityHarness();

        var result = await RunRoundAsync(harness, TestClaims.Auto("CLM-ROUND-OFFLINE"));

        Assert.Equal(OfflineClaimsModel.Version, result.ModelVersion);
    }
}

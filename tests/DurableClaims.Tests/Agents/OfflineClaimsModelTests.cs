using DurableClaims.Agents;
using DurableClaims.Agents.Plugins;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace DurableClaims.Tests.Agents;

public sealed class OfflineClaimsModelTests
{
    [Fact]
    public async Task AnalysisRound_CleanCoveredClaim_ShouldRecommendApproval()
    {
        var verdict = await OfflineTeam.DecisionAsync(OfflineTeam.Case(TestClaims.Auto(), 1, OfflineTeam.AutoDocuments()));

        Assert.Equal(AdjusterDecisions.Approve, verdict.Recommendation);
        Assert.Contains("3,750.00 USD is payable", verdict.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisRound_ExpiredPolicy_ShouldRecommendDenialWithTheRule()
    {
        var claim = TestClaims.Expired();

        var verdict = await OfflineTeam.DecisionAsync(OfflineTeam.Case(claim, 1, OfflineTeam.AutoDocuments()));

        Assert.Equal(AdjusterDecisions.Deny, verdict.Recommendation);
        Assert.StartsWith("The incident must fall within the policy period.", Assert.Single(verdict.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalysisRound_HighRiskClaim_ShouldRecommendDenialWithTheRiskScore()
    {
        var verdict = await OfflineTeam.DecisionAsync(OfflineTeam.Case(TestClaims.HighRisk("CLM-R"), 1, OfflineTeam.AutoDocuments("- Work: 6,800.00\nTotal: 6,800.00")));

        Assert.Equal(AdjusterDecisions.Deny, verdict.Recommendation);
        Assert.True(verdict.RiskScore >= 0.7);
    }

    [Fact]
    public async Task AnalysisRound_ThirdPartyMentioned_ShouldAskForAStatement()
    {
        var claim = TestClaims.Auto(description: "The other driver reversed into my car.");

        var turns = await OfflineTeam.Team().RunAsync(ClaimAgents.AnalysisTeam, OfflineTeam.Case(claim, 1, OfflineTeam.AutoDocuments()), CancellationToken.None);

        var request = Assert.Single(turns.Single(t => t.Agent == ClaimAgents.DocumentsName).Verdict.AdditionalDocuments);
        Assert.Equal("third_party_statement", request.Type);
    }

    [Fact]
    public async Task AnalysisRound_EstimateContradictsClaim_ShouldGiveNoRecommendationAndTheSameFindingsTwice()
    {
        var documents = OfflineTeam.AutoDocuments("- Everything: 9,900.00\nTotal: 9,900.00");
        var first = await OfflineTeam.DecisionAsync(OfflineTeam.Case(TestClaims.Auto(), 1, documents));

        var second = await OfflineTeam.DecisionAsync(OfflineTeam.Case(TestClaims.Auto(), 2, documents) with { PreviousFindings = first.Findings });

        Assert.Null(second.Recommendation);
        Assert.Equal(first.Findings, second.Findings);
    }

    [Fact]
    public async Task AnalysisRound_TwelveLineItems_ShouldVerifyFiveAndWaitForTheNextRound()
    {
        var estimate = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"- Item {i}: 100.00")) + "\nTotal: 1,200.00";
        var caseFile = OfflineTeam.Case(TestClaims.Auto(amount: 1200m), 2, OfflineTeam.AutoDocuments(estimate)) with
        {
            PreviousFindings = [.. Enumerable.Range(1, 5).Select(i => $"{ClaimAnalysis.VerifiedItemPrefix} {i}/12 (repair_estimate): Item {i}, 100.00 USD.")],
        };

        var verdict = await OfflineTeam.DecisionAsync(caseFile);

        Assert.Null(verdict.Recommendation);
        Assert.Equal(Enumerable.Range(6, 5).Select(i => $"{ClaimAnalysis.VerifiedItemPrefix} {i}/12 (repair_estimate): Item {i}, 100.00 USD."), verdict.Findings);
    }

    [Fact]
    public async Task CoverageAgent_WithTools_ShouldCallEvaluateCoverageAndRecordIt()
    {
        var turns = await OfflineTeam.Team().RunAsync([ClaimAgents.Coverage], OfflineTeam.Case(TestClaims.Auto(), 1), CancellationToken.None);

        var call = Assert.Single(Assert.Single(turns).ToolCalls);
        Assert.Equal("policy.evaluate_coverage", call.Function);
        Assert.Contains("\"payableAmount\":3750", call.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChatMessageContents_ToolsOfferedToIntake_ShouldAskForThePolicy()
    {
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(new PolicyPlugin(OfflineTeam.Catalog, TestClaims.Auto()), PolicyPlugin.Name);
        var history = new ChatHistory();
        history.Add(new ChatMessageContent(AuthorRole.System, ClaimAgents.Intake.Instructions) { AuthorName = ClaimAgents.IntakeName });
        history.AddUserMessage(OfflineTeam.Case(TestClaims.Auto(), 0).ToPrompt());
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };

        var reply = await OfflineTeam.Model().GetChatMessageContentAsync(history, settings, kernel);

        var call = Assert.Single(FunctionCallContent.GetFunctionCalls(reply));
        Assert.Equal(("policy", "get_policy", "POL-AUTO-1001"), (call.PluginName, call.FunctionName, call.Arguments?["policyNumber"]?.ToString()));
    }

    [Fact]
    public async Task GetChatMessageContents_SameConversationTwice_ShouldAnswerTheSame()
    {
        var history = new ChatHistory();
        history.Add(new ChatMessageContent(AuthorRole.System, ClaimAgents.Risk.Instructions) { AuthorName = ClaimAgents.RiskName });
        history.AddUserMessage(OfflineTeam.Case(TestClaims.HighRisk("CLM-D"), 1).ToPrompt());

        var first = await OfflineTeam.Model().GetChatMessageContentAsync(history);
        var second = await OfflineTeam.Model().GetChatMessageContentAsync(history);

        Assert.Equal(first.Content, second.Content);
    }
}

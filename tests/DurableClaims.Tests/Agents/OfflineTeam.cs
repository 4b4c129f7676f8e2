using DurableClaims.Agents;
using DurableClaims.Agents.Offline;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Tests.Agents;

/// <summary>The claims team on the offline model, as the activities build it.</summary>
internal static class OfflineTeam
{
    public static readonly PolicyCatalog Catalog = PolicyCatalog.CreateDefault();

    public static OfflineClaimsModel Model() => new(new OfflineAnalyst(Catalog, Options.Create(new ClaimsOptions())));

    public static ClaimTeam Team(IChatCompletionService? model = null)
        => new(new AgentRunner(model ?? Model(), Options.Create(new ModelOptions()), NullLogger<AgentRunner>.Instance), Catalog);

    public static CaseFile Case(ClaimSubmission claim, int round, params CaseDocument[] documents)
        => new()
        {
            Claim = claim,
            SubmittedAt = TestClaims.Clock().GetUtcNow(),
            Round = round,
            RequiredDocuments = Catalog.RequiredDocuments(claim.ClaimType),
            Documents = documents,
        };

    public static CaseDocument[] AutoDocuments(string estimate = "- Bumper: 2,000.00\n- Headlight: 2,250.00\nTotal: 4,250.00")
        => [.. TestClaims.AutoDocuments.Select(d => new CaseDocument(d, d + ".txt", d == "repair_estimate" ? estimate : $"The {d.Replace('_', ' ')}."))];

    public static async Task<AgentVerdict> DecisionAsync(CaseFile caseFile)
    {
        var turns = await Team().RunAsync(ClaimAgents.AnalysisTeam, caseFile, CancellationToken.None);
        return turns.Single(t => t.Agent == ClaimAgents.DecisionName).Verdict;
    }
}

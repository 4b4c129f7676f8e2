using System.ComponentModel;
using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.SemanticKernel;

namespace DurableClaims.Agents.Plugins;

/// <summary>Policy look-ups for the agents: a policy's terms, and the coverage rules for the claim under review.</summary>
public sealed class PolicyPlugin
{
    /// <summary>The plugin name agents see.</summary>
    public const string Name = "policy";

    private static readonly JsonSerializerOptions Json = AgentJson.Options;
    private readonly PolicyCatalog _catalog;
    private readonly ClaimSubmission _claim;

    /// <summary>Creates the plugin for one claim.</summary>
    public PolicyPlugin(PolicyCatalog catalog, ClaimSubmission claim)
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _claim = claim ?? throw new ArgumentNullException(nameof(claim));
    }

    [KernelFunction("get_policy")]
    [Description("Looks a policy up: holder, policy period, and per claim type the limit, deductible and exclusions.")]
    public string GetPolicy([Description("The policy number, e.g. POL-AUTO-1001.")] string policyNumber)
    {
        var policy = _catalog.FindPolicy(policyNumber);
        return policy is null
            ? JsonSerializer.Serialize(new { found = false, policyNumber }, Json)
            : JsonSerializer.Serialize(new { found = true, policy }, Json);
    }

    [KernelFunction("evaluate_coverage")]
    [Description("Applies the policy rules (policy on file, type covered, period, exclusions, deductible, limit) to the claim under review and returns each rule's result and the payable amount.")]
    public string EvaluateCoverage()
        => JsonSerializer.Serialize(CoverageRules.Evaluate(_claim, _catalog.FindPolicy(_claim.PolicyNumber)), Json);

    /// <summary>Parses the result of <see cref="EvaluateCoverage"/>.</summary>
    public static CoverageEvaluation? ParseCoverage(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CoverageEvaluation>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

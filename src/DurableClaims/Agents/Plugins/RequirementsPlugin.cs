using System.ComponentModel;
using System.Text.Json;
using DurableClaims.Policies;
using Microsoft.SemanticKernel;

namespace DurableClaims.Agents.Plugins;

/// <summary>Document requirement look-ups for the agents.</summary>
public sealed class RequirementsPlugin
{
    /// <summary>The plugin name agents see.</summary>
    public const string Name = "requirements";

    private static readonly JsonSerializerOptions Json = AgentJson.Options;
    private readonly PolicyCatalog _catalog;

    /// <summary>Creates the plugin.</summary>
    public RequirementsPlugin(PolicyCatalog catalog) => _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    [KernelFunction("get_required_documents")]
    [Description("Returns the documents a claim type requires, the appraisal threshold, and when a third-party statement is needed.")]
    public string GetRequiredDocuments([Description("The claim type, e.g. auto, home, travel.")] string claimType)
    {
        var required = _catalog.RequiredDocuments(claimType).Select(d => new { type = d, title = _catalog.TitleOf(d) });
        return JsonSerializer.Serialize(
            new
            {
                claimType,
                requiredDocuments = required,
                appraisalThreshold = _catalog.AppraisalThreshold(claimType),
                appraisalDocument = _catalog.Requirements.AppraisalDocumentType,
                thirdPartyDocument = _catalog.Requirements.ThirdParty.DocumentType,
                thirdPartyKeywords = _catalog.Requirements.ThirdParty.Keywords,
            },
            Json);
    }
}

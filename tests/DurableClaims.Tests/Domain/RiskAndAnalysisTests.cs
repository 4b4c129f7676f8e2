using DurableClaims.Domain;
using DurableClaims.Policies;

namespace DurableClaims.Tests.Domain;

public sealed class RiskAndAnalysisTests
{
    private static readonly PolicyCatalog Catalog = PolicyCatalog.CreateDefault();

    [Fact]
    public void Assess_CleanClaim_ShouldKeepTheBaseScore()
    {
        var claim = TestClaims.Auto();

        var risk = RiskAssessor.Assess(claim, Catalog.FindPolicy(claim.PolicyNumber), TestClaims.Clock().GetUtcNow(), [], Catalog.Requirements.Risk);

        Assert.Equal(0.05, risk.Score);
        Assert.Empty(risk.Indicators);
    }

    [Fact]
    public void Assess_NewPolicyLateReportAndTellingPhrases_ShouldBeHighRisk()
    {
        var claim = TestClaims.HighRisk("CLM-RISK");

        var risk = RiskAssessor.Assess(claim, Catalog.FindPolicy(claim.PolicyNumber), TestClaims.Clock().GetUtcNow(), [], Catalog.Requirements.Risk);

        Assert.True(risk.Score >= 0.7, $"score {risk.Score}");
        Assert.Contains(risk.Indicators, i => i.StartsWith("Incident 11 days after the policy started", StringComparison.Ordinal));
    }

    [Fact]
    public void AdditionalDocuments_ThirdPartyAndHighAmount_ShouldRequestStatementAndAppraisal()
    {
        var claim = TestClaims.Auto(amount: 18500m, description: "The other driver ran a red light.");

        var requests = ClaimAnalysis.AdditionalDocuments(claim, [], Catalog.Requirements, Catalog.AppraisalThreshold("auto"));

        Assert.Equal(["third_party_statement", "independent_appraisal"], requests.Select(r => r.Type));
    }

    [Fact]
    public void AmountConflicts_EstimateTotalFarFromClaim_ShouldReportTheConflict()
    {
        var documents = new[] { new CaseDocument("repair_estimate", "e.md", "- Cabinets: 9,000.00\nTotal: 9,000.00 USD") };

        var conflicts = ClaimAnalysis.AmountConflicts(TestClaims.Auto(amount: 4250m), documents, Catalog.Requirements);

        Assert.Contains("9,000.00 USD does not match the claimed 4,250.00 USD", Assert.Single(conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void LineItemsOf_PricedListLines_ShouldSkipTheTotal()
    {
        var document = new CaseDocument("repair_estimate", "e.md", "Estimate\n- Front bumper: 1,850.00\n* Headlight 1120.00 USD\n- Total: 2,970.00\nNotes");

        var items = DocumentFacts.LineItemsOf(document);

        Assert.Equal([("Front bumper", 1850m), ("Headlight", 1120m)], items.Select(i => (i.Label, i.Amount)));
    }
}

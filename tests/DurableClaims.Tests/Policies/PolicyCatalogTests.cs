using DurableClaims.Configuration;
using DurableClaims.Policies;
using DurableClaims.Testing;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Policies;

public sealed class PolicyCatalogTests
{
    [Fact]
    public void RequiredDocuments_ShippedAutoRequirements_ShouldBeExactlyTheAutoList()
        => Assert.Equal(TestClaims.AutoDocuments, PolicyCatalog.CreateDefault().RequiredDocuments("auto"));

    [Fact]
    public void RequiredDocuments_ConfiguredOverride_ShouldReplaceTheShippedList()
    {
        var options = new ClaimsOptions();
        options.RequiredDocuments["auto"] = ["police_report"];

        var catalog = new PolicyCatalog(Options.Create(options));

        Assert.Equal(["police_report"], catalog.RequiredDocuments("auto"));
        Assert.Equal(15000m, catalog.AppraisalThreshold("auto"));
    }

    [Fact]
    public void FindPolicy_ConfiguredPoliciesFile_ShouldReplaceTheShippedPolicies()
    {
        using var folder = new TempDirectory();
        var file = folder.Combine("policies.json");
        File.WriteAllText(file, """{ "policies": [ { "policyNumber": "POL-X-1", "holder": "X", "effectiveFrom": "2026-01-01", "effectiveTo": "2026-12-31", "coverages": [] } ] }""");

        var catalog = new PolicyCatalog(Options.Create(new ClaimsOptions { PoliciesFile = file }));

        Assert.NotNull(catalog.FindPolicy("pol-x-1"));
        Assert.Null(catalog.FindPolicy("POL-AUTO-1001"));
    }

    [Fact]
    public void IsKnownDocumentType_InventedType_ShouldBeFalse()
    {
        var catalog = PolicyCatalog.CreateDefault();

        Assert.Equal((true, false), (catalog.IsKnownDocumentType("third_party_statement"), catalog.IsKnownDocumentType("horoscope")));
    }
}

using DurableClaims.Contracts;

namespace DurableClaims.Tests.Contracts;

public sealed class ClaimInputParserMarkdownTests
{
    private const string ListStyle = """
        # Insurance claim

        - **Claim ID:** CLM-MD-1
        - **Policy number:** POL-AUTO-1001
        - **Claim type:** auto
        - **Incident date:** 2026-11-02
        - **Amount:** 4,250.00 USD

        ## Claimant
        - Name: Dana Whitfield
        - Email: dana@example.com

        ## Description
        I slid on ice and hit a bollard.
        The bumper is broken.

        ## Documents
        - police_report: report.txt
        - photos.zip (vehicle_damage_photos)
        - repair_estimate.md
        """;

    [Fact]
    public void ParseMarkdown_ListStyleClaim_ShouldReadEveryField()
    {
        var result = ClaimInputParser.ParseMarkdown(ListStyle, TestClaims.Clock());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        var claim = result.Submission;
        Assert.Equal(("CLM-MD-1", "POL-AUTO-1001", 4250.00m, "USD"), (claim.ClaimId, claim.PolicyNumber, claim.Amount, claim.Currency));
        Assert.Equal(new ClaimantInfo("Dana Whitfield", "dana@example.com"), claim.Claimant);
        Assert.Equal("I slid on ice and hit a bollard. The bumper is broken.", claim.Description);
    }

    [Fact]
    public void ParseMarkdown_DocumentsSection_ShouldReadTypesFromColonsParenthesesAndFileNames()
    {
        var result = ClaimInputParser.ParseMarkdown(ListStyle, TestClaims.Clock());

        Assert.Equal(
            [new("police_report", "report.txt"), new("vehicle_damage_photos", "photos.zip"), new("repair_estimate", "repair_estimate.md")],
            result.Submission!.Documents);
    }

    [Fact]
    public void ParseMarkdown_TableStyleWithClaimantLine_ShouldReadEveryField()
    {
        const string markdown = """
            | Field | Value |
            | --- | --- |
            | Policy number | POL-HOME-4004 |
            | Claim type | home |
            | Incident date | 2026-10-20 |
            | Amount | $8,400.00 |

            Claimant: Oskar Lindqvist <oskar@example.com>

            ## What happened
            A pipe burst.
            """;

        var result = ClaimInputParser.ParseMarkdown(markdown, TestClaims.Clock());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        Assert.Equal(("home", 8400m, "USD", "oskar@example.com", "A pipe burst."), (result.Submission.ClaimType, result.Submission.Amount, result.Submission.Currency, result.Submission.Claimant.Email, result.Submission.Description));
    }

    [Fact]
    public void ParseMarkdown_MissingFields_ShouldReportEachByItsJsonName()
    {
        var result = ClaimInputParser.ParseMarkdown("# Claim\n\nPolicy number: POL-1\nAmount: lots\n", TestClaims.Clock());

        Assert.False(result.IsValid);
        Assert.Equal(["amount", "claimType", "claimant.email", "claimant.name", "currency", "description", "incidentDate"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Amount must be a number, e.g. 4250.00.", Assert.Single(result.Errors["amount"]));
    }

    [Fact]
    public void ParseMarkdown_DocumentsTable_ShouldSkipTheHeaderRow()
    {
        var markdown = ListStyle[..ListStyle.IndexOf("## Documents", StringComparison.Ordinal)]
            + "## Documents\n| Type | File |\n| --- | --- |\n| police_report | report.txt |\n";

        var result = ClaimInputParser.ParseMarkdown(markdown, TestClaims.Clock());

        Assert.Equal(new ClaimDocumentRef("police_report", "report.txt"), Assert.Single(result.Submission!.Documents));
    }

    [Fact]
    public void Parse_MarkdownContentType_ShouldUseTheMarkdownReader()
    {
        var result = ClaimInputParser.Parse(ListStyle, "text/markdown; charset=utf-8", TestClaims.Clock());

        Assert.Equal("CLM-MD-1", result.Submission?.ClaimId);
    }
}

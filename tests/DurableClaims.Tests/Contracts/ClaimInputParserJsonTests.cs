using System.Text.RegularExpressions;
using DurableClaims.Contracts;

namespace DurableClaims.Tests.Contracts;

public sealed class ClaimInputParserJsonTests
{
    [Fact]
    public void ParseJson_ValidClaim_ShouldReturnNormalisedSubmission()
    {
        var result = ClaimInputParser.ParseJson(TestClaims.ValidJson, TestClaims.Clock());

        Assert.True(result.IsValid);
        Assert.Equal(("CLM-JSON-1", "auto", "USD", 4250.5m), (result.Submission.ClaimId, result.Submission.ClaimType, result.Submission.Currency, result.Submission.Amount));
        Assert.Equal(new ClaimDocumentRef("police_report", "report.pdf"), Assert.Single(result.Submission.Documents));
    }

    [Fact]
    public void ParseJson_WithoutClaimId_ShouldGenerateClmId()
    {
        var json = TestClaims.ValidJson.Replace("\"claimId\": \"CLM-JSON-1\",", string.Empty, StringComparison.Ordinal);

        var result = ClaimInputParser.ParseJson(json, TestClaims.Clock());

        Assert.Matches(new Regex("^CLM-20261123-[0-9A-F]{8}$"), result.Submission!.ClaimId);
    }

    [Fact]
    public void ParseJson_SeveralBadFields_ShouldReportEveryErrorAtOnce()
    {
        const string json = """
            { "claimId": "../etc", "policyNumber": "", "claimType": "auto", "incidentDate": "02/11/2026", "amount": -5,
              "currency": "dollars", "claimant": { "name": "Dana", "email": "not-an-email" }, "description": "x",
              "documents": [ { "type": "Police Report", "filename": "../../secret" } ] }
            """;

        var result = ClaimInputParser.ParseJson(json, TestClaims.Clock());

        Assert.False(result.IsValid);
        Assert.Equal(
            ["amount", "claimId", "claimant.email", "currency", "documents[0].filename", "documents[0].type", "incidentDate", "policyNumber"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ParseJson_MissingRequiredFields_ShouldSayWhatIsRequired()
    {
        var result = ClaimInputParser.ParseJson("{}", TestClaims.Clock());

        Assert.Equal("Policy number is required.", Assert.Single(result.Errors["policyNumber"]));
        Assert.Equal(8, result.Errors.Count);
    }

    [Fact]
    public void ParseJson_FutureIncidentDate_ShouldBeRejected()
    {
        var json = TestClaims.ValidJson.Replace("2026-11-02", "2026-12-24", StringComparison.Ordinal);

        var result = ClaimInputParser.ParseJson(json, TestClaims.Clock());

        Assert.Equal("Incident date cannot be in the future.", Assert.Single(result.Errors["incidentDate"]));
    }

    [Fact]
    public void ParseJson_AmountWithThreeDecimals_ShouldBeRejected()
    {
        var json = TestClaims.ValidJson.Replace("4250.5", "4250.555", StringComparison.Ordinal);

        var result = ClaimInputParser.ParseJson(json, TestClaims.Clock());

        Assert.Contains("two decimal places", Assert.Single(result.Errors["amount"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseJson_AmountOfWrongType_ShouldSayItMustBeANumber()
    {
        var json = TestClaims.ValidJson.Replace("4250.5", "true", StringComparison.Ordinal);

        var result = ClaimInputParser.ParseJson(json, TestClaims.Clock());

        Assert.Equal("Must be a number.", Assert.Single(result.Errors["amount"]));
    }

    [Fact]
    public void ParseJson_NotJson_ShouldReportTheBody()
    {
        var result = ClaimInputParser.ParseJson("policy: 1", TestClaims.Clock());

        Assert.StartsWith("The claim is not valid JSON", Assert.Single(result.Errors["$"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CLM-2026_01", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("CLM/1", false)]
    [InlineData("CLM 1", false)]
    [InlineData("..", false)]
    public void IsValid_ClaimIds_ShouldAcceptOnlySafeIds(string id, bool expected)
        => Assert.Equal(expected, ClaimIds.IsValid(id));

    [Fact]
    public void IsValid_SixtyFiveCharacters_ShouldBeRejected()
        => Assert.False(ClaimIds.IsValid(new string('a', 65)));
}

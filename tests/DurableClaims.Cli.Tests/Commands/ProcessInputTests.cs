using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class ProcessInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Process_MissingFile_ShouldExitTwoNamingTheFile()
    {
        var result = await CliProcess.RunAsync(["process", _temp.Combine("nope.json"), "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_InvalidClaim_ShouldExitTwoListingEachInvalidField()
    {
        var claim = _temp.WriteFile("bad.json", """
            { "policyNumber": "", "claimType": "auto", "incidentDate": "not-a-date", "amount": -5,
              "currency": "USD", "claimant": { "name": "Ann", "email": "not-an-email" }, "description": "x" }
            """);

        var result = await CliProcess.RunAsync(["process", claim, "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        foreach (var field in new[] { "policyNumber", "incidentDate", "amount", "claimant.email" })
        {
            Assert.Contains(field + ":", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Process_PolicyNotOnFile_ShouldExitTwoNamingThePolicy()
    {
        var claim = _temp.WriteFile("unknown-policy.json", """
            { "claimId": "CLM-CLI-NOPOLICY", "policyNumber": "POL-AUTO-9999", "claimType": "auto", "incidentDate": "2026-11-02", "amount": 900,
              "currency": "USD", "claimant": { "name": "Ann Lee", "email": "ann@example.com" }, "description": "Scraped a pillar while parking." }
            """);

        var result = await CliProcess.RunAsync(["process", claim, "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("policyNumber: No policy POL-AUTO-9999 was found.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_MalformedJson_ShouldExitTwo()
    {
        var claim = _temp.WriteFile("broken.json", "{ \"policyNumber\": ");

        var result = await CliProcess.RunAsync(["process", claim, "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_BadTimeout_ShouldExitTwoExplainingTheFormat()
    {
        var claim = _temp.WriteFile("claim.json", "{}");

        var result = await CliProcess.RunAsync(["process", claim, "--timeout", "soon", "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("30d", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}

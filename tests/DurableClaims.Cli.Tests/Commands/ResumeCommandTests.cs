using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class ResumeCommandTests(ApprovedClaimFixture claim) : IClassFixture<ApprovedClaimFixture>
{
    [Fact]
    public void Resume_WithTheSampleDocumentsInASecondRun_ShouldApproveTheClaim()
    {
        Assert.True(claim.Processed.ExitCode == 0, claim.Processed.ToString());
        Assert.True(claim.Resumed.ExitCode == 0, claim.Resumed.ToString());
        Assert.Matches(@"Status\s+│ approved", claim.Resumed.Stdout);
    }

    [Fact]
    public void Resume_ApprovedClaim_ShouldShowThePayableAmount()
        => Assert.Matches(@"Payable amount\s+│ 3,750\.00 USD", claim.Resumed.Stdout);

    [Fact]
    public void Resume_ApprovedClaim_ShouldWriteDecisionJsonWithTheDecision()
    {
        using var decision = JsonDocument.Parse(claim.ReadOutput("decision.json"));
        var root = decision.RootElement;
        Assert.Equal(("approved", claim.Sample.ExpectedReason), (root.GetProperty("status").GetString(), root.GetProperty("reason").GetString()));
        Assert.Equal(claim.Sample.PayableAmount, root.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
    }

    [Fact]
    public void Resume_ApprovedClaim_ShouldWriteTheHandoffPackage()
    {
        var package = claim.ReadOutput("handoff_package.md");

        Assert.Contains(claim.Sample.ClaimId, package, StringComparison.Ordinal);
        Assert.Contains("3,750.00 USD", package, StringComparison.Ordinal);
    }

    [Fact]
    public void Resume_ApprovedClaim_ShouldRemoveTheStaleMissingDocumentsFile()
        => Assert.False(File.Exists(Path.Combine(claim.OutputDirectory, "missing_documents.json")));

    [Fact]
    public async Task Resume_FinishedClaim_ShouldExitTwoSayingItFinished()
    {
        var result = await CliProcess.RunAsync(["resume", claim.Sample.ClaimId, "-d", claim.Sample.DocumentsFolder, "--data-dir", claim.DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("finished", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_UnknownClaim_ShouldExitTwoNamingTheClaim()
    {
        var result = await CliProcess.RunAsync(["resume", "CLM-NOPE", "-d", claim.Sample.DocumentsFolder, "--data-dir", claim.DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CLM-NOPE", result.Stderr, StringComparison.Ordinal);
    }
}

public sealed class ResumePartialTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-partial");

    [Fact]
    public async Task Resume_SomeOfTheMissingDocuments_ShouldStayPausedWithTheRemainder()
    {
        var sample = Samples.Get(Samples.Approve);
        var data = _temp.Combine("data");
        var partial = _temp.Combine("partial");
        Directory.CreateDirectory(partial);
        File.Copy(Path.Combine(sample.DocumentsFolder, "police_report.txt"), Path.Combine(partial, "police_report.txt"));
        var repairEstimate = Directory.GetFiles(sample.DocumentsFolder, "repair_estimate.*").Single();
        File.Copy(repairEstimate, Path.Combine(partial, Path.GetFileName(repairEstimate)));
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "--data-dir", data])).ExitCode);

        var result = await CliProcess.RunAsync(["resume", sample.ClaimId, "-d", partial, "--json", "--data-dir", data]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("paused", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            ["insurance_exchange_form", "vehicle_damage_photos"],
            json.RootElement.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resume_SymlinkToFileOutsideTheFolder_ShouldNotSendItsContent()
    {
        var sample = Samples.Get(Samples.Approve);
        var data = _temp.Combine("data");
        var folder = _temp.Combine("linked");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(sample.DocumentsFolder, "police_report.txt"), Path.Combine(folder, "police_report.txt"));
        var secret = Path.Combine(_temp.Combine("outside"), "passwd");
        Directory.CreateDirectory(Path.GetDirectoryName(secret)!);
        await File.WriteAllTextAsync(secret, "root:x:0:0:SECRET-OUTSIDE-THE-FOLDER");
        File.CreateSymbolicLink(Path.Combine(folder, "insurance_exchange_form.txt"), secret);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "--data-dir", data])).ExitCode);

        var result = await CliProcess.RunAsync(["resume", sample.ClaimId, "-d", folder, "--json", "--data-dir", data]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("skipped 'insurance_exchange_form.txt'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(
            Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories),
            file => File.ReadAllText(file).Contains("SECRET-OUTSIDE-THE-FOLDER", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_DocumentsFolderMissing_ShouldExitTwoNamingTheFolder()
    {
        var result = await CliProcess.RunAsync(["resume", Samples.Approve, "-d", _temp.Combine("nowhere"), "--data-dir", _temp.Combine("data")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere", result.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}

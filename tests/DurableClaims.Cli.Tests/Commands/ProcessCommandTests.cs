using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class ProcessCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("cli-process");

    private string DataDirectory => _temp.Combine("data");

    private string OutputDirectory => _temp.Combine("out");

    [Fact]
    public async Task Process_ClaimMissingDocuments_ShouldExitZeroAndShowItPaused()
    {
        var sample = Samples.Get(Samples.Approve);

        var result = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Status\s+│ paused", result.Stdout);
        Assert.Matches(@"Missing documents\s+│ vehicle_damage_photos, insurance_exchange_form,", result.Stdout);
    }

    [Fact]
    public async Task Process_ClaimMissingDocuments_ShouldWriteMissingDocumentsJson()
    {
        var sample = Samples.Get(Samples.Approve);

        var result = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "-o", OutputDirectory, "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var missing = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "missing_documents.json")));
        Assert.Equal(Samples.Approve, missing.RootElement.GetProperty("claimId").GetString());
        Assert.Equal(
            ["insurance_exchange_form", "repair_estimate", "vehicle_damage_photos"],
            missing.RootElement.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(OutputDirectory, "handoff_package.md")));
    }

    [Fact]
    public async Task Process_DenialSample_ShouldWriteTheDenialPackage()
    {
        var sample = Samples.Get(Samples.Deny);

        var result = await CliProcess.RunAsync(["process", sample.File, "-o", OutputDirectory, "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var letter = File.ReadAllText(Path.Combine(OutputDirectory, "denial_package.md"));
        Assert.Contains(sample.ClaimId, letter, StringComparison.Ordinal);
        using var decision = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputDirectory, "decision.json")));
        Assert.Equal((sample.ExpectedStatus, sample.ExpectedReason), (decision.RootElement.GetProperty("status").GetString(), decision.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Process_Json_ShouldPrintOneStatusObjectWithTheHttpFieldNames()
    {
        var result = await CliProcess.RunAsync(["process", Samples.Get(Samples.Approve).File, "--json", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "claimId", "status", "reason", "runtimeStatus", "phase", "missingDocuments", "receivedDocuments",
                "riskScore", "rounds", "createdTime", "lastUpdatedTime", "decision", "uploadUrl",
            },
            fields);
        Assert.Equal("paused", json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Process_WithTheDocumentsTheClaimNames_ShouldAnalyseTheirContent()
    {
        // The stall sample's repair estimate contradicts the claimed amount; without its content the claim would be approved.
        var sample = Samples.Get(Samples.Stall);

        var result = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--json", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal((sample.ExpectedStatus, sample.ExpectedReason), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Process_HumanInTheLoopOffFromEnvironment_ShouldDenyForMissingDocuments()
    {
        var sample = Samples.Get(Samples.HitlOff);

        var result = await CliProcess.RunAsync(
            ["process", sample.File, "--json", "--data-dir", DataDirectory],
            new Dictionary<string, string> { ["ORCHESTRATION_ENABLE_HITL"] = "false" });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("denied", "missing_documents"), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Process_ClaimIdStillPaused_ShouldExitTwoSuggestingResume()
    {
        var sample = Samples.Get(Samples.Approve);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory])).ExitCode);

        var result = await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("still running", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("resume", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ClaimIdOfAFinishedClaim_ShouldExitTwoSayingItAlreadyExists()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory])).ExitCode);

        var result = await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Claim '{sample.ClaimId}' already exists (status: denied)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ClaimIdOfAFinishedClaim_ShouldLeaveItsRecordsAsTheyWere()
    {
        var sample = Samples.Get(Samples.Deny);
        await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory]);
        var before = await CliProcess.RunAsync(["status", sample.ClaimId, "--json", "--data-dir", DataDirectory]);

        await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory]);

        var after = await CliProcess.RunAsync(["status", sample.ClaimId, "--json", "--data-dir", DataDirectory]);
        Assert.Equal(before.Stdout, after.Stdout);
    }

    [Fact]
    public async Task StatusWait_ClaimLeftRunningByAnInterruptedProcess_ShouldRunItUntilItPauses()
    {
        // A process run whose wait ends at once leaves the claim to continue at the next engine start.
        var sample = Samples.Get("CLM-SAMPLE-THIRDPARTY");
        await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--timeout", "0s", "--data-dir", DataDirectory]);

        var result = await CliProcess.RunAsync(["status", sample.ClaimId, "--wait", "--json", "--data-dir", DataDirectory]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("paused", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("third_party_statement", json.RootElement.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));
    }

    public void Dispose() => _temp.Dispose();
}

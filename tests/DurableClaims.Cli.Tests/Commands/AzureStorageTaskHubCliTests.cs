using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The CLI on the Azure Storage task hub (Azurite), chosen by the setting the host and the Functions app read.</summary>
public sealed class AzureStorageTaskHubCliTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ProcessThenResume_OnAzureStorageTaskHub_ShouldApproveInTheSecondProcess()
    {
        using var temp = new TempDirectory("cli-azure");
        var sample = Samples.Get(Samples.Approve);
        var environment = new Dictionary<string, string>
        {
            ["DurableTask__StorageProvider__Type"] = "AzureStorage",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TASKHUB_NAME"] = "cli" + Guid.NewGuid().ToString("N")[..12],
            ["Claims__Storage__ConnectionString"] = azurite.ConnectionString,
        };

        var processed = await CliProcess.RunAsync(["process", sample.File, "--data-dir", temp.Combine("data")], environment);
        var resumed = await CliProcess.RunAsync(["resume", sample.ClaimId, "-d", sample.DocumentsFolder, "--data-dir", temp.Combine("data")], environment);

        Assert.True(processed.ExitCode == 0, processed.ToString());
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Matches(@"Status\s+│ approved", resumed.Stdout);
    }

    [Fact]
    public async Task Process_UnknownTaskHubType_ShouldFailNamingTheSettingAndTheChoices()
    {
        using var temp = new TempDirectory("cli-hub-type");
        var sample = Samples.Get(Samples.Approve);

        var result = await CliProcess.RunAsync(
            ["process", sample.File, "--data-dir", temp.Combine("data")],
            new Dictionary<string, string> { ["DurableTask__StorageProvider__Type"] = "Cosmos" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("DurableTask:StorageProvider:Type 'Cosmos'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sqlite or AzureStorage", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_AzureStorageWithoutAConnection_ShouldFailNamingTheSetting()
    {
        using var temp = new TempDirectory("cli-hub-connection");
        var sample = Samples.Get(Samples.Approve);

        var result = await CliProcess.RunAsync(
            ["process", sample.File, "--data-dir", temp.Combine("data")],
            new Dictionary<string, string> { ["DurableTask__StorageProvider__Type"] = "AzureStorage" });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("AzureWebJobsStorage", result.Stderr, StringComparison.Ordinal);
    }
}

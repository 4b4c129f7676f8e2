using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary><c>delete</c>: removes a claim for good, only when confirmed, and frees its id.</summary>
public sealed class DeleteCommandTests : IDisposable
{
    private readonly TempDirectory _data = new("cli-delete");

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Delete_WithoutYes_ShouldExitTwoAndKeepTheClaim()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--data-dir", _data.Path])).ExitCode);

        var result = await CliProcess.RunAsync(["delete", sample.ClaimId, "--data-dir", _data.Path]);
        var status = await CliProcess.RunAsync(["status", sample.ClaimId, "--data-dir", _data.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--yes", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, status.ExitCode);
    }

    [Fact]
    public async Task Delete_FinishedClaimWithYes_ShouldRemoveItAndFreeItsId()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--data-dir", _data.Path])).ExitCode);

        var result = await CliProcess.RunAsync(["delete", sample.ClaimId, "--yes", "--json", "--data-dir", _data.Path]);
        var status = await CliProcess.RunAsync(["status", sample.ClaimId, "--data-dir", _data.Path]);
        var again = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--data-dir", _data.Path]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal((1, true), (json.RootElement.GetProperty("instancesDeleted").GetInt32(), json.RootElement.GetProperty("sessionDeleted").GetBoolean()));
        Assert.Equal(2, status.ExitCode);
        Assert.True(again.ExitCode == 0, again.ToString());
    }
}

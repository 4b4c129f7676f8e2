using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The adjuster's commands against a running host (--server): the same results as embedded, over the HTTP routes.</summary>
public sealed class AdjusterServerModeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private string Server => fixture.Server.Url.ToString();

    [Fact]
    public async Task Close_StalledClaimWithServer_ShouldEndItStalled()
    {
        var sample = Samples.Get(Samples.Stall);
        var processed = await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--server", Server, "--json"]);
        Assert.True(processed.ExitCode == 0, processed.ToString());

        var result = await CliProcess.RunAsync(["close", sample.ClaimId, "--adjuster", "Jordan Reyes", "--server", Server, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(("stalled", "Completed"), (json.RootElement.GetProperty("status").GetString(), json.RootElement.GetProperty("runtimeStatus").GetString()));
    }

    [Fact]
    public async Task NoteThenArchive_FinishedClaimWithServer_ShouldRecordTheNoteAndArchive()
    {
        var sample = Samples.Get(Samples.Deny);
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--server", Server])).ExitCode);

        var note = await CliProcess.RunAsync(["note", sample.ClaimId, "--author", "Jordan Reyes", "--text", "Letter sent by post too.", "--server", Server, "--json"]);
        var archive = await CliProcess.RunAsync(["archive", sample.ClaimId, "--server", Server, "--json"]);

        Assert.True(note.ExitCode == 0 && archive.ExitCode == 0, note + "\n" + archive);
        using var recorded = JsonDocument.Parse(note.Stdout);
        Assert.Equal(("note", "Letter sent by post too."), (recorded.RootElement.GetProperty("type").GetString(), recorded.RootElement.GetProperty("data").GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Archive_OpenClaimWithServer_ShouldExitTwoSayingItIsStillOpen()
    {
        Assert.Equal(0, (await CliProcess.RunAsync(["process", Samples.Get(Samples.Approve).File, "--server", Server])).ExitCode);

        var result = await CliProcess.RunAsync(["archive", Samples.Approve, "--server", Server]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is still open", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopen_UnknownDocumentTypeWithServer_ShouldExitTwoNamingIt()
    {
        var result = await CliProcess.RunAsync(["reopen", "CLM-ANY", "--adjuster", "Jordan Reyes", "--documents", "holiday_photos", "--server", Server]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'holiday_photos'", result.Stderr, StringComparison.Ordinal);
    }
}

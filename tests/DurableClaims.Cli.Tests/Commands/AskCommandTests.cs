using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The approve sample processed once with the one document it names (it pauses with its police report), shared by the ask tests.</summary>
public sealed class PausedSampleFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new("cli-ask");

    public SampleClaim Sample { get; } = Samples.Get(Samples.Approve);

    public string DataDirectory => _temp.Combine("data");

    public async Task InitializeAsync()
    {
        var processed = await CliProcess.RunAsync(["process", Sample.File, "-d", Sample.DocumentsFolder, "--data-dir", DataDirectory]);
        Assert.True(processed.ExitCode == 0, processed.ToString());
    }

    public Task<CliResult> AskAsync(params string[] args) => CliProcess.RunAsync(["ask", .. args, "--data-dir", DataDirectory]);

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}

/// <summary><c>durableclaims ask</c>: streamed answers on the embedded engine, conversations continued by later processes, and a running host.</summary>
public sealed class AskCommandTests(PausedSampleFixture fixture) : IClassFixture<PausedSampleFixture>
{
    [Fact]
    public async Task Ask_PausedSample_ShouldPrintTheMissingDocumentsTheSourcesAndTheConversation()
    {
        var result = await fixture.AskAsync(fixture.Sample.ClaimId, "What documents are missing?");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("repair_estimate", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("sources: claim status", result.Stdout, StringComparison.Ordinal);
        Assert.Matches("conversation: cnv-[0-9a-f]{20}", result.Stdout);
    }

    [Fact]
    public async Task Ask_ContinuedByAnotherProcess_ShouldFollowTheEarlierTurn()
    {
        var first = await fixture.AskAsync(fixture.Sample.ClaimId, "What does the police report say?", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        using var earlier = JsonDocument.Parse(first.Stdout);
        var conversationId = earlier.RootElement.GetProperty("conversationId").GetString()!;

        var second = await fixture.AskAsync(fixture.Sample.ClaimId, "Were there any injuries mentioned in it?", "--conversation", conversationId, "--json");

        Assert.True(second.ExitCode == 0, second.ToString());
        using var answer = JsonDocument.Parse(second.Stdout);
        Assert.Contains("No injuries", answer.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains(answer.RootElement.GetProperty("sources").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "message" && s.GetProperty("id").GetString() == earlier.RootElement.GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Ask_UnknownClaim_ShouldExitWithBadInput()
    {
        var result = await fixture.AskAsync("CLM-NOT-THERE", "What is the status?");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CLM-NOT-THERE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnknownConversation_ShouldExitWithBadInput()
    {
        var result = await fixture.AskAsync(fixture.Sample.ClaimId, "What is the status?", "--conversation", "cnv-00000000000000000000");

        Assert.Equal(2, result.ExitCode);
    }
}

/// <summary><c>durableclaims ask --server</c>: the same answer streamed from a running host.</summary>
public sealed class AskServerModeTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Ask_WithServer_ShouldStreamTheAnswerFromTheHost()
    {
        var sample = Samples.Get(Samples.Approve);
        var server = fixture.Server.Url.ToString();
        Assert.Equal(0, (await CliProcess.RunAsync(["process", sample.File, "-d", sample.DocumentsFolder, "--server", server])).ExitCode);

        var result = await CliProcess.RunAsync(["ask", sample.ClaimId, "What does the police report say?", "--server", server, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var answer = JsonDocument.Parse(result.Stdout);
        Assert.Contains("police_report.txt", answer.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = fixture.Server.Url };
        var stored = await http.GetStringAsync(new Uri(
            $"/api/claims/{sample.ClaimId}/conversations/{answer.RootElement.GetProperty("conversationId").GetString()}", UriKind.Relative));
        Assert.Contains(answer.RootElement.GetProperty("messageId").GetString()!, stored, StringComparison.Ordinal);
    }
}

using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>The README story, once per test class: process the approve sample (it pauses), then, in a second CLI run, resume it with its documents.</summary>
public sealed class ApprovedClaimFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new("cli-resume");

    public SampleClaim Sample { get; } = Samples.Get(Samples.Approve);

    public string DataDirectory => _temp.Combine("data");

    public string OutputDirectory => _temp.Combine("out");

    public CliResult Processed { get; private set; } = null!;

    public CliResult Resumed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Processed = await CliProcess.RunAsync(["process", Sample.File, "-o", OutputDirectory, "--data-dir", DataDirectory]);
        Resumed = await CliProcess.RunAsync(["resume", Sample.ClaimId, "-d", Sample.DocumentsFolder, "-o", OutputDirectory, "--data-dir", DataDirectory]);
    }

    public string ReadOutput(string name) => File.ReadAllText(Path.Combine(OutputDirectory, name));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}

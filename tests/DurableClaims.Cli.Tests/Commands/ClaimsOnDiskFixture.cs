using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>A data directory holding one paused claim (approve sample, before its documents) and one denied claim.</summary>
public sealed class ClaimsOnDiskFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new("cli-query");

    public string DataDirectory => _temp.Combine("data");

    public SampleClaim Paused { get; } = Samples.Get(Samples.Approve);

    public SampleClaim Denied { get; } = Samples.Get(Samples.Deny);

    public async Task InitializeAsync()
    {
        foreach (var sample in new[] { Paused, Denied })
        {
            var result = await CliProcess.RunAsync(["process", sample.File, "--data-dir", DataDirectory]);
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }

    /// <summary>Runs the CLI on this data directory.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliProcess.RunAsync([.. args, "--data-dir", DataDirectory]);

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}

using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>One <c>durableclaims serve</c> child process on its own data directory, shared by a test class.</summary>
public sealed class ServerFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new("cli-server");

    public ServerProcess Server { get; private set; } = null!;

    public string DataDirectory => _temp.Combine("data");

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public async Task InitializeAsync() => Server = await ServerProcess.StartAsync(DataDirectory);

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Dispose();
    }

    public void Dispose() => _temp.Dispose();
}

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>One keyless host on the local folder stores, shared by a test class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public KestrelClaimsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KestrelClaimsHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>One host that requires a key, shared by a test class.</summary>
public sealed class KeyedHostFixture : IAsyncLifetime
{
    public const string Key = "test-key-123";

    public KestrelClaimsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await KestrelClaimsHost.StartAsync(new TestHostOptions { Keys = [Key] });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

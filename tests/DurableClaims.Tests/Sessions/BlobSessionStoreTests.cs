using DurableClaims.Sessions;
using DurableClaims.Storage;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Sessions;

/// <summary>Runs Azurite once for every Blob Storage test class.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

[Collection(AzuriteGroup.Name)]
public sealed class BlobSessionStoreTests : SessionStoreContract
{
    public BlobSessionStoreTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);

        // Fresh containers per test: xunit creates a new instance for each test.
        var suffix = Guid.NewGuid().ToString("N")[..10];
        Store = new BlobSessionStore(BlobClientFactory.Create(azurite.ConnectionString), $"sessions-{suffix}", $"sessions-{suffix}-archive");
    }

    protected override SessionStore Store { get; }
}

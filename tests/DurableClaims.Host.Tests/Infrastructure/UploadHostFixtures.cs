using Azure.Storage.Blobs;
using DurableClaims.Storage;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>Azurite plus a host on Blob Storage; the listener polls every 200 ms unless disabled.</summary>
public abstract class AzuriteHostFixture(bool listenerEnabled) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public KestrelClaimsHost Host { get; private set; } = null!;

    public string ConnectionString => _azurite.ConnectionString;

    public BlobContainerClient Documents => BlobClientFactory.Create(ConnectionString).GetBlobContainerClient("claim-documents");

    public TestHostOptions Options => new()
    {
        StorageConnection = ConnectionString,
        Settings = new Dictionary<string, string>
        {
            ["Uploads:PollInterval"] = "00:00:00.200",
            ["Uploads:ListenerEnabled"] = listenerEnabled ? "true" : "false",
        },
    };

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await Documents.CreateIfNotExistsAsync();
        Host = await KestrelClaimsHost.StartAsync(Options);
    }

    /// <summary>Stops the host and starts a new one on the same data directory and storage.</summary>
    public async Task RestartHostAsync()
    {
        var dataDirectory = Host.DataDirectory;
        await Host.StopAsync();
        Host = await KestrelClaimsHost.StartAsync(Options, dataDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }
}

/// <summary>Blob Storage host with the container listener on.</summary>
public sealed class ListenerHostFixture() : AzuriteHostFixture(listenerEnabled: true);

/// <summary>Blob Storage host with the listener off, so that only the Event Grid route can resume claims.</summary>
public sealed class EventGridHostFixture() : AzuriteHostFixture(listenerEnabled: false);

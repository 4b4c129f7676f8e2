using Azure.Storage.Blobs;
using DurableClaims.Storage;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>Azurite plus a host on Blob Storage; the listener polls every 200 ms unless disabled.</summary>
public abstract class AzuriteHostFixture(bool listenerEnabled, string documentsContainer = "claim-documents") : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public KestrelClaimsHost Host { get; private set; } = null!;

    public string ConnectionString => _azurite.ConnectionString;

    public BlobContainerClient Documents => BlobClientFactory.Create(ConnectionString).GetBlobContainerClient(documentsContainer);

    public TestHostOptions Options => new()
    {
        StorageConnection = ConnectionString,
        Settings = new Dictionary<string, string>
        {
            ["Uploads:PollInterval"] = "00:00:00.200",
            ["Uploads:ListenerEnabled"] = listenerEnabled ? "true" : "false",
            ["Claims:Storage:DocumentsContainer"] = documentsContainer,
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

/// <summary>Blob Storage host whose documents container is configured (Claims:Storage:DocumentsContainer), listener off.</summary>
public sealed class CustomContainerHostFixture() : AzuriteHostFixture(listenerEnabled: false, documentsContainer: "uploads-custom");

using System.Globalization;
using Azure.Storage.Blobs;
using DurableClaims.Testing;

namespace DurableClaims.ScaleOut.Tests.Infrastructure;

/// <summary>Host processes on one Azure Storage task hub on Azurite, sharing the session archive and the documents container.</summary>
/// <param name="azurite">The Azurite instance holding the hub, the archive and the documents.</param>
/// <param name="visibilityTimeout">How long a message a host took stays hidden: after a kill, that host's in-flight steps run again this much later.</param>
internal sealed class ScaleOutCluster(AzuriteFixture azurite, TimeSpan visibilityTimeout) : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _hub = "scale" + Guid.NewGuid().ToString("N")[..12];
    private readonly TempDirectory _data = new("scale-out");
    private readonly List<HostProcess> _hosts = [];

    /// <summary>Every host started, killed ones included (their output stays readable).</summary>
    public IReadOnlyList<HostProcess> Hosts => _hosts;

    public IEnumerable<HostProcess> Live => _hosts.Where(h => !h.HasExited);

    public BlobContainerClient Documents { get; } = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("claim-documents");

    /// <summary>Starts hosts with the given names at the same time.</summary>
    public async Task StartAsync(params string[] names)
    {
        var started = await Task.WhenAll(names.Select(name => HostProcess.StartAsync(name, Settings(name), StartTimeout)));
        _hosts.AddRange(started);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        _data.Dispose();
    }

    // Leases and visibility timeouts short enough that a killed host's partitions and in-flight steps move within seconds; the workflow's own logs at Information,
    // so each host's output tells which claims' steps it ran.
    private Dictionary<string, string> Settings(string name) => new()
    {
        ["DurableTask__StorageProvider__Type"] = "AzureStorage",
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["TASKHUB_NAME"] = _hub,
        ["DurableTask__StorageProvider__PartitionCount"] = "4",
        ["DurableTask__StorageProvider__MaxQueuePollingInterval"] = "00:00:00.250",
        ["DurableTask__StorageProvider__LeaseAcquireInterval"] = "00:00:01",
        ["DurableTask__StorageProvider__LeaseInterval"] = "00:00:06",
        ["DurableTask__StorageProvider__ControlQueueVisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["DurableTask__StorageProvider__WorkItemQueueVisibilityTimeout"] = visibilityTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["DurableTask__StorageProvider__WorkerId"] = name,
        ["Claims__Storage__ConnectionString"] = azurite.ConnectionString,
        ["Claims__DataDirectory"] = Path.Combine(_data.Path, name),
        ["Uploads__PollInterval"] = "00:00:00.500",

        // A listener killed between taking an upload's receipt and raising it: the others take over within the test's time.
        ["Uploads__ReceiptTakeoverAfter"] = "00:00:05",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__DurableClaims.Workflow"] = "Information",
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        // Four hosts share two cores: the workstation GC keeps each one's heap small.
        ["DOTNET_gcServer"] = "0",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };
}

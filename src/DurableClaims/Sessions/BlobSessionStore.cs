using Azure.Storage.Blobs;
using DurableClaims.Storage;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Sessions;

/// <summary>The session archive in Azure Blob Storage: containers <c>sessions</c> and <c>sessions-archive</c> by default.</summary>
public sealed class BlobSessionStore : SessionStore
{
    /// <summary>Creates the store on two containers of <paramref name="service"/> (created on first use).</summary>
    /// <param name="service">The blob service.</param>
    /// <param name="liveContainer">The live sessions container.</param>
    /// <param name="archiveContainer">The archive container.</param>
    /// <param name="logger">Names damaged blobs; null logs nothing.</param>
    public BlobSessionStore(
        BlobServiceClient service, string liveContainer = "sessions", string archiveContainer = "sessions-archive", ILogger<SessionStore>? logger = null)
        : base(
            new BlobObjectContainer((service ?? throw new ArgumentNullException(nameof(service))).GetBlobContainerClient(liveContainer)),
            new BlobObjectContainer(service.GetBlobContainerClient(archiveContainer)),
            logger)
    {
    }
}

using Azure.Storage.Blobs;
using DurableClaims.Storage;

namespace DurableClaims.Sessions;

/// <summary>The session archive in Azure Blob Storage: containers <c>sessions</c> and <c>sessions-archive</c> by default.</summary>
public sealed class BlobSessionStore : SessionStore
{
    /// <summary>Creates the store on two containers of <paramref name="service"/> (created on first use).</summary>
    public BlobSessionStore(BlobServiceClient service, string liveContainer = "sessions", string archiveContainer = "sessions-archive")
        : base(
            new BlobObjectContainer((service ?? throw new ArgumentNullException(nameof(service))).GetBlobContainerClient(liveContainer)),
            new BlobObjectContainer(service.GetBlobContainerClient(archiveContainer)))
    {
    }
}

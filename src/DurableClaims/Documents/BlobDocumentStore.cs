using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using DurableClaims.Storage;

namespace DurableClaims.Documents;

/// <summary>Claim documents in a Blob Storage container (<c>claim-documents</c> by default).</summary>
public sealed class BlobDocumentStore : DocumentStore
{
    private readonly BlobContainerClient _client;

    /// <summary>Creates the store on <paramref name="container"/> (created on first use).</summary>
    public BlobDocumentStore(BlobContainerClient container)
        : base(new BlobObjectContainer(container))
        => _client = container;

    /// <summary>Returns a create/write-only SAS URL on the container addressed at the claim's folder, or null without an account key.</summary>
    /// <remarks>
    /// A flat-namespace account cannot scope a SAS to a prefix (that needs a hierarchical namespace), so the
    /// token allows creating blobs anywhere in the container; the upload pipeline only accepts
    /// <c>{claimId}/{type}/{file}</c> paths of running claims. Reading and listing are not allowed.
    /// </remarks>
    public override Uri? CreateUploadUri(string claimId, DateTimeOffset expiresOn)
    {
        if (!_client.CanGenerateSasUri)
        {
            return null;
        }

        var sas = new BlobSasBuilder(BlobContainerSasPermissions.Create | BlobContainerSasPermissions.Write, expiresOn)
        {
            BlobContainerName = _client.Name,
            Resource = "c",
        };
        var uri = _client.GenerateSasUri(sas);
        var builder = new UriBuilder(uri);
        builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(claimId) + "/";
        return builder.Uri;
    }
}

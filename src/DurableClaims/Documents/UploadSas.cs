using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace DurableClaims.Documents;

/// <summary>Builds upload links: create-only SAS URLs on one blob, <c>{claimId}/{type}/{filename}</c>.</summary>
/// <remarks>
/// Blob-level, not container-level: a flat-namespace account cannot scope a SAS to a prefix, and a container SAS
/// let one claim's link create blobs for another claim, at the container root, or for claims that do not exist.
/// Reading, listing, overwriting and deleting are not allowed; the link creates that one blob once.
/// </remarks>
internal static class UploadSas
{
    /// <summary>What an upload link allows: create the blob (Put Blob, Put Block, Put Block List) when it does not exist, nothing else.</summary>
    /// <remarks>Not Write: that would let a link's holder overwrite the document once it is stored.</remarks>
    public const BlobSasPermissions Permissions = BlobSasPermissions.Create;

    /// <summary>Returns the SAS builder for the blob <paramref name="blobName"/> of <paramref name="containerName"/> valid until <paramref name="expiresOn"/>.</summary>
    public static BlobSasBuilder Builder(string containerName, string blobName, DateTimeOffset expiresOn)
        => new(Permissions, expiresOn) { BlobContainerName = containerName, BlobName = blobName, Resource = "b" };

    /// <summary>Returns when a link expires: the claim's deadline, or sooner when <paramref name="lifetime"/> from <paramref name="now"/> ends first.</summary>
    public static DateTimeOffset ExpiryOf(DateTimeOffset deadline, DateTimeOffset now, TimeSpan lifetime)
        => deadline < now + lifetime ? deadline : now + lifetime;

    /// <summary>Returns the expiry of a link signed with <paramref name="key"/>: <paramref name="expiresOn"/>, but never after the key expires (the service would refuse the token then).</summary>
    public static DateTimeOffset ExpiryOf(DateTimeOffset expiresOn, UserDelegationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return expiresOn < key.SignedExpiresOn ? expiresOn : key.SignedExpiresOn;
    }

    /// <summary>Returns the upload link of the blob <paramref name="blobName"/> in <paramref name="containerUri"/>, signed with a user-delegation key (no account key).</summary>
    public static Uri WithUserDelegation(Uri containerUri, string accountName, string blobName, DateTimeOffset expiresOn, UserDelegationKey key)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        var address = new BlobUriBuilder(containerUri) { Sas = null, BlobName = blobName };
        var builder = Builder(address.BlobContainerName, blobName, ExpiryOf(expiresOn, key));
        address.Sas = builder.ToSasQueryParameters(key, accountName);
        return address.ToUri();
    }
}

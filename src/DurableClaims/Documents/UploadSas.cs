using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace DurableClaims.Documents;

/// <summary>Builds the upload links of paused claims: create-only container SAS URLs addressed at the claim's folder.</summary>
/// <remarks>
/// A flat-namespace account cannot scope a SAS to a prefix (that needs a hierarchical namespace), so the token
/// allows creating blobs anywhere in the container; the upload pipeline only accepts <c>{claimId}/{type}/{file}</c>
/// paths of running claims. Reading, listing, overwriting and deleting are not allowed.
/// </remarks>
internal static class UploadSas
{
    /// <summary>What an upload link allows: create new blobs (Put Blob, Put Block, Put Block List), nothing else.</summary>
    /// <remarks>Not Write: that would let a link's holder overwrite any existing document in the container, including other claims' evidence.</remarks>
    public const BlobContainerSasPermissions Permissions = BlobContainerSasPermissions.Create;

    /// <summary>Returns the SAS builder for the container <paramref name="containerName"/> valid until <paramref name="expiresOn"/>.</summary>
    public static BlobSasBuilder Builder(string containerName, DateTimeOffset expiresOn)
        => new(Permissions, expiresOn) { BlobContainerName = containerName, Resource = "c" };

    /// <summary>Returns the expiry of a link signed with <paramref name="key"/>: the deadline, but never after the key expires (the service would refuse the token then).</summary>
    public static DateTimeOffset ExpiryOf(DateTimeOffset deadline, UserDelegationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return deadline < key.SignedExpiresOn ? deadline : key.SignedExpiresOn;
    }

    /// <summary>Returns the upload link of <paramref name="claimId"/> on <paramref name="containerUri"/>, signed with a user-delegation key (no account key).</summary>
    public static Uri WithUserDelegation(Uri containerUri, string accountName, string claimId, DateTimeOffset deadline, UserDelegationKey key)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        var address = new BlobUriBuilder(containerUri) { Sas = null };
        var builder = Builder(address.BlobContainerName, ExpiryOf(deadline, key));
        address.Sas = builder.ToSasQueryParameters(key, accountName);
        return AtClaimFolder(address.ToUri(), claimId);
    }

    /// <summary>Moves a container SAS URL to the claim's folder (<c>…/container/{claimId}/?sv=…</c>), keeping its query.</summary>
    public static Uri AtClaimFolder(Uri containerSasUri, string claimId)
    {
        ArgumentNullException.ThrowIfNull(containerSasUri);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimId);
        var builder = new UriBuilder(containerSasUri);
        builder.Path = builder.Path.TrimEnd('/') + "/" + Uri.EscapeDataString(claimId) + "/";
        return builder.Uri;
    }
}

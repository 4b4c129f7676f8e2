using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using DurableClaims.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DurableClaims.Documents;

/// <summary>Claim documents in a Blob Storage container (<c>claim-documents</c> by default).</summary>
public sealed class BlobDocumentStore : DocumentStore
{
    /// <summary>How long an upload link lives when the claim's deadline is further away.</summary>
    public static readonly TimeSpan DefaultUploadLinkLifetime = TimeSpan.FromHours(4);

    private readonly BlobContainerClient _client;
    private readonly UserDelegationKeyCache? _delegationKeys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _linkLifetime;

    /// <summary>Creates the store on <paramref name="container"/> (created on first use).</summary>
    /// <param name="container">The documents container; with an account key (connection string) upload links are key-signed, with a token credential they are signed with a user-delegation key.</param>
    /// <param name="timeProvider">The clock of upload links and of the user-delegation key cache; null uses the system clock.</param>
    /// <param name="logger">Logs user-delegation key renewals and failures.</param>
    /// <param name="uploadLinkLifetime">How long an upload link lives at most (<c>Claims:Storage:UploadLinkLifetime</c>); null is <see cref="DefaultUploadLinkLifetime"/>.</param>
    public BlobDocumentStore(
        BlobContainerClient container, TimeProvider? timeProvider = null, ILogger<BlobDocumentStore>? logger = null, TimeSpan? uploadLinkLifetime = null)
        : this(container, RequestFrom(container), timeProvider, logger, uploadLinkLifetime)
    {
    }

    /// <summary>Creates the store with the way user-delegation keys are requested (tests pass one that needs no network).</summary>
    internal BlobDocumentStore(
        BlobContainerClient container, Func<DateTimeOffset, DateTimeOffset, UserDelegationKey> requestDelegationKey, TimeProvider? timeProvider, ILogger? logger,
        TimeSpan? uploadLinkLifetime = null)
        : base(new BlobObjectContainer(container))
    {
        _client = container;
        _time = timeProvider ?? TimeProvider.System;
        _linkLifetime = uploadLinkLifetime ?? DefaultUploadLinkLifetime;
        _delegationKeys = container.CanGenerateSasUri
            ? null
            : new UserDelegationKeyCache(requestDelegationKey, _time, logger ?? NullLogger.Instance);
    }

    /// <summary>Returns a create-only SAS URL on the one blob <c>{claimId}/{type}/{filename}</c>, or null when no signing key can be had or the deadline has passed.</summary>
    /// <remarks>
    /// With an account key (connection string, Azurite) the SAS is signed with it. With a token credential (managed
    /// identity; the account allows no shared keys) it is a user-delegation SAS. It expires at the deadline, after the
    /// link lifetime, or when the delegation key expires, whichever is first; the claim page hands out a fresh one.
    /// </remarks>
    public override Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline)
    {
        var blobName = PathOf(claimId, type, filename);
        var now = _time.GetUtcNow();
        var expiresOn = UploadSas.ExpiryOf(deadline, now, _linkLifetime);
        if (expiresOn <= now)
        {
            return null;
        }

        if (_delegationKeys is null)
        {
            return _client.GetBlobClient(blobName).GenerateSasUri(UploadSas.Builder(_client.Name, blobName, expiresOn));
        }

        return _delegationKeys.Get() is { } key
            ? UploadSas.WithUserDelegation(_client.Uri, _client.AccountName, blobName, expiresOn, key)
            : null;
    }

    // The interface's CreateUploadUri is synchronous (status reads call it), so the key is requested with the
    // SDK's synchronous call; it happens about once a day per instance.
    private static Func<DateTimeOffset, DateTimeOffset, UserDelegationKey> RequestFrom(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return (startsOn, expiresOn) => container.GetParentBlobServiceClient()
            .GetUserDelegationKey(new BlobGetUserDelegationKeyOptions(expiresOn) { StartsOn = startsOn })
            .Value;
    }
}

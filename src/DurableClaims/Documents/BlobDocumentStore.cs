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
    private readonly BlobContainerClient _client;
    private readonly UserDelegationKeyCache? _delegationKeys;

    /// <summary>Creates the store on <paramref name="container"/> (created on first use).</summary>
    /// <param name="container">The documents container; with an account key (connection string) upload links are key-signed, with a token credential they are signed with a user-delegation key.</param>
    /// <param name="timeProvider">The clock of the user-delegation key cache; null uses the system clock.</param>
    /// <param name="logger">Logs user-delegation key renewals and failures.</param>
    public BlobDocumentStore(BlobContainerClient container, TimeProvider? timeProvider = null, ILogger<BlobDocumentStore>? logger = null)
        : this(container, RequestFrom(container), timeProvider, logger)
    {
    }

    /// <summary>Creates the store with the way user-delegation keys are requested (tests pass one that needs no network).</summary>
    internal BlobDocumentStore(
        BlobContainerClient container, Func<DateTimeOffset, DateTimeOffset, UserDelegationKey> requestDelegationKey, TimeProvider? timeProvider, ILogger? logger)
        : base(new BlobObjectContainer(container))
    {
        _client = container;
        _delegationKeys = container.CanGenerateSasUri
            ? null
            : new UserDelegationKeyCache(requestDelegationKey, timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance);
    }

    /// <summary>Returns a create-only SAS URL on the container addressed at the claim's folder, or null when no signing key can be had.</summary>
    /// <remarks>
    /// With an account key (connection string, Azurite) the SAS is signed with it. With a token credential (managed
    /// identity; the account allows no shared keys) it is a user-delegation SAS, valid until
    /// <paramref name="expiresOn"/> or the delegation key's expiry, whichever is first. See <see cref="UploadSas"/> for its scope.
    /// </remarks>
    public override Uri? CreateUploadUri(string claimId, DateTimeOffset expiresOn)
    {
        if (_delegationKeys is null)
        {
            return UploadSas.AtClaimFolder(_client.GenerateSasUri(UploadSas.Builder(_client.Name, expiresOn)), claimId);
        }

        return _delegationKeys.Get() is { } key
            ? UploadSas.WithUserDelegation(_client.Uri, _client.AccountName, claimId, expiresOn, key)
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

using Azure;
using Azure.Storage.Blobs;
using DurableClaims.Documents;
using DurableClaims.Storage;

namespace DurableClaims.Tests.Documents;

/// <summary>Upload links of a document store reached with a token credential (managed identity; no account key).</summary>
public sealed class BlobDocumentStoreIdentityTests
{
    private static readonly Uri ServiceUri = new("https://claimsprod.blob.core.windows.net/");

    // The client is real but never called: CreateUploadUri only signs. The key request is the network boundary.
    private static BlobDocumentStore Store(Func<DateTimeOffset, DateTimeOffset, Azure.Storage.Blobs.Models.UserDelegationKey> requestKey)
    {
        BlobContainerClient container = BlobClientFactory.Create(ServiceUri, new FixedTokenCredential()).GetBlobContainerClient("claim-documents");
        return new BlobDocumentStore(container, requestKey, TimeProvider.System, logger: null);
    }

    [Fact]
    public void CreateUploadUri_TokenCredential_ShouldBeAUserDelegationSasOnTheOneDocument()
    {
        var store = Store(UploadSasTests.Key);

        var uri = store.CreateUploadUri("CLM-2026-0042", "police_report", "report.pdf", DateTimeOffset.UtcNow.AddDays(2))!;

        Assert.Equal("/claim-documents/CLM-2026-0042/police_report/report.pdf", uri.AbsolutePath);
        Assert.Equal(("c", "0b7f4a51-7c3e-4d5a-9f6e-1a2b3c4d5e6f"), (UploadSasTests.Query(uri)["sp"], UploadSasTests.Query(uri)["skoid"]));
    }

    [Fact]
    public void CreateUploadUri_DelegationKeyDenied_ShouldBeNull()
    {
        var store = Store((_, _) => throw new RequestFailedException(403, "AuthorizationPermissionMismatch"));

        var uri = store.CreateUploadUri("CLM-2026-0042", "police_report", "report.pdf", DateTimeOffset.UtcNow.AddDays(2));

        Assert.Null(uri);
    }
}

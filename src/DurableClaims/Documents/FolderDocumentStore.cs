using DurableClaims.Storage;

namespace DurableClaims.Documents;

/// <summary>Claim documents in a local folder (<c>&lt;data-dir&gt;/claim-documents</c> by default).</summary>
public sealed class FolderDocumentStore : DocumentStore
{
    /// <summary>Creates the store on <paramref name="folder"/>.</summary>
    public FolderDocumentStore(string folder)
        : base(new FolderObjectContainer(folder))
    {
    }

    /// <summary>Creates the store on a given container (tests pass one that simulates a full disk).</summary>
    internal FolderDocumentStore(FolderObjectContainer container)
        : base(container)
    {
    }

    /// <summary>Returns null: a local folder has no upload URL (clients use the documents route).</summary>
    public override Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline) => null;
}

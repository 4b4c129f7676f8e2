using DurableClaims.Contracts;

namespace DurableClaims.Api.Intake;

/// <summary>The upload path contract: <c>claim-documents/{claimId}/{documentType}/{fileName}</c>.</summary>
public sealed record BlobPath(string ClaimId, string DocumentType, string FileName)
{
    /// <summary>The container (or folder) that uploads go to.</summary>
    public const string Container = "claim-documents";

    /// <summary>Gets the blob name within the container.</summary>
    public string BlobName => Name(ClaimId, DocumentType, FileName);

    /// <summary>Builds a blob name within the container.</summary>
    public static string Name(string claimId, string documentType, string fileName) => $"{claimId}/{documentType}/{fileName}";

    /// <summary>Parses a blob name (within the container); null with a reason when it does not follow the contract.</summary>
    public static BlobPath? TryParse(string? blobName, out string? problem)
    {
        var parts = (blobName ?? string.Empty).Split('/');
        if (parts.Length != 3)
        {
            problem = "expected {claimId}/{documentType}/{fileName}";
            return null;
        }

        problem = !ClaimIds.IsValid(parts[0]) ? "invalid claim id"
            : !ClaimIds.IsSafeSegment(parts[1]) ? "invalid or empty document type"
            : !ClaimIds.IsSafeSegment(parts[2]) ? "invalid file name"
            : null;
        return problem is null ? new BlobPath(parts[0], parts[1], parts[2]) : null;
    }
}

/// <summary>Keys of the intake dedupe records: one per blob name and ETag, i.e. per upload.</summary>
public static class IntakeReceipt
{
    /// <summary>Returns a file- and blob-name-safe key for one upload.</summary>
    public static string KeyFor(string blobName, string etag)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        ArgumentNullException.ThrowIfNull(etag);

        // Quotes differ between sources (listing vs. Event Grid); they are not part of the version.
        var input = blobName + "\n" + etag.Trim('"');
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash);
    }
}

/// <summary>Durable record of uploads turned into DocumentsReceived, so that each upload raises the event once.</summary>
/// <remarks>
/// A receipt is either handled (the event was raised, or the upload came through the API, which raises it itself) or taken:
/// an intake is raising the event right now. A taken receipt whose holder died (a host killed between taking it and
/// raising) is taken over once it is older than the takeover time, so that no upload is lost to a crash.
/// </remarks>
public interface IIntakeReceiptStore
{
    /// <summary>Records the key as handled atomically; false when it was already recorded (taken or handled).</summary>
    Task<bool> TryAddAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Takes the key for raising its event: new, or taken over from a holder that has not finished within <paramref name="takeoverAfter"/>.</summary>
    Task<ReceiptTake> TryTakeAsync(string key, TimeSpan takeoverAfter, CancellationToken cancellationToken = default);

    /// <summary>Marks a taken key as handled once its event is raised.</summary>
    Task CompleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Returns whether the key is recorded as handled (a read; a taken key is not handled yet).</summary>
    Task<bool> IsHandledAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes a key so that a failed delivery can be retried.</summary>
    Task RemoveAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IIntakeReceiptStore.TryTakeAsync"/> found.</summary>
public enum ReceiptTake
{
    /// <summary>The key was free and is now the caller's to raise.</summary>
    Taken,

    /// <summary>Another intake took the key and did not finish in time (it died); the key is now the caller's.</summary>
    TakenOver,

    /// <summary>The upload was already handled.</summary>
    Handled,

    /// <summary>Another intake is raising this upload's event right now.</summary>
    Busy,
}

/// <summary>Reads the container and blob name out of a blob URL (Azure and Azurite's path-style URLs alike).</summary>
public static class BlobUrl
{
    /// <summary>Returns the container and blob name, or null when the URL is not a blob URL.</summary>
    public static (string Container, string BlobName)? TryParse(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var builder = new Azure.Storage.Blobs.BlobUriBuilder(uri);
        return string.IsNullOrEmpty(builder.BlobContainerName) || string.IsNullOrEmpty(builder.BlobName)
            ? null
            : (builder.BlobContainerName, builder.BlobName);
    }
}

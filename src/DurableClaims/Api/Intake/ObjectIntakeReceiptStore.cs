using DurableClaims.Storage;

namespace DurableClaims.Api.Intake;

/// <summary>Intake receipts as empty objects in a folder or blob container; a write-if-absent makes check-and-add atomic across processes.</summary>
public sealed class ObjectIntakeReceiptStore(IObjectContainer container) : IIntakeReceiptStore
{
    /// <summary>The container (or folder under the data directory) for receipts, apart from claim-documents so that listeners never see them.</summary>
    public const string DefaultContainer = "claim-intake-receipts";

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var empty = new MemoryStream([], writable: false);
            await container.WriteAsync(PathFor(key), empty, WriteCondition.IfNoneMatch, cancellationToken);
            return true;
        }
        catch (ObjectConflictException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string key, CancellationToken cancellationToken = default)
        => await container.ReadAsync(PathFor(key), cancellationToken) is not null;

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
        => await container.DeleteAsync(PathFor(key), cancellationToken);

    // Two-character fan-out keeps local folders small after many uploads.
    private static string PathFor(string key) => key[..2] + "/" + key;
}

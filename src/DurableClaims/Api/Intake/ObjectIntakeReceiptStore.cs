using System.Globalization;
using System.Text;
using DurableClaims.Storage;

namespace DurableClaims.Api.Intake;

/// <summary>Intake receipts as objects in a folder or blob container; conditional writes make taking a receipt atomic across processes.</summary>
/// <remarks>
/// A handled receipt is an empty object (as every receipt was before receipts could be taken). A taken one holds
/// <c>taken {time} {token}</c>: the time (the taker's clock) tells when a holder has had long enough, and the unique token
/// gives every take its own ETag, so that of two intakes taking over the same receipt only one wins.
/// </remarks>
public sealed class ObjectIntakeReceiptStore(IObjectContainer container, TimeProvider? time = null) : IIntakeReceiptStore
{
    /// <summary>The container (or folder under the data directory) for receipts, apart from claim-documents so that listeners never see them.</summary>
    public const string DefaultContainer = "claim-intake-receipts";

    private const string TakenPrefix = "taken ";
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task<bool> TryAddAsync(string key, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(key, [], WriteCondition.IfNoneMatch, cancellationToken);
            return true;
        }
        catch (ObjectConflictException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<ReceiptTake> TryTakeAsync(string key, TimeSpan takeoverAfter, CancellationToken cancellationToken = default)
    {
        // Two rounds: a receipt given back (removed) between our write and our read is simply free again.
        for (var round = 0; round < 2; round++)
        {
            try
            {
                await WriteAsync(key, TakenContent(), WriteCondition.IfNoneMatch, cancellationToken);
                return ReceiptTake.Taken;
            }
            catch (ObjectConflictException)
            {
            }

            var current = await container.ReadAsync(PathFor(key), cancellationToken);
            if (current is null)
            {
                continue;
            }

            if (TakenAt(current.Content) is not { } takenAt)
            {
                return ReceiptTake.Handled;
            }

            if (_time.GetUtcNow() - takenAt < takeoverAfter)
            {
                return ReceiptTake.Busy;
            }

            try
            {
                await WriteAsync(key, TakenContent(), current.ETag, cancellationToken);
                return ReceiptTake.TakenOver;
            }
            catch (ObjectConflictException)
            {
                // Another intake took it over (or its holder finished) first.
                return ReceiptTake.Busy;
            }
        }

        return ReceiptTake.Busy;
    }

    /// <inheritdoc />
    public Task CompleteAsync(string key, CancellationToken cancellationToken = default) => WriteAsync(key, [], null, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> IsHandledAsync(string key, CancellationToken cancellationToken = default)
        => await container.ReadAsync(PathFor(key), cancellationToken) is { } current && TakenAt(current.Content) is null;

    /// <inheritdoc />
    public async Task RemoveAsync(string key, CancellationToken cancellationToken = default)
        => await container.DeleteAsync(PathFor(key), cancellationToken);

    private async Task WriteAsync(string key, byte[] content, string? condition, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await container.WriteAsync(PathFor(key), stream, condition, cancellationToken);
    }

    private byte[] TakenContent()
        => Encoding.ASCII.GetBytes(TakenPrefix + _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) + " " + Guid.NewGuid().ToString("N"));

    /// <summary>Returns when a taken receipt was taken, or null for a handled one (empty, or anything unreadable: never raise twice on doubt).</summary>
    private static DateTimeOffset? TakenAt(byte[] content)
    {
        var text = Encoding.ASCII.GetString(content);
        if (!text.StartsWith(TakenPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = text[TakenPrefix.Length..].Split(' ');
        return DateTimeOffset.TryParseExact(parts[0], "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;
    }

    // Two-character fan-out keeps local folders small after many uploads.
    private static string PathFor(string key) => key[..2] + "/" + key;
}

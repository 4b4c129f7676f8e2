using System.Buffers;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace DurableClaims.Storage;

/// <summary>An <see cref="IObjectContainer"/> on an Azure Blob Storage container (Azurite locally); ETags and conditions are the service's.</summary>
public sealed class BlobObjectContainer : IObjectContainer
{
    // Staged block size: small documents take one block; large ones never sit in memory whole.
    private const int BlockSize = 4 * 1024 * 1024;
    private const int MaxBlobName = 1024;
    private readonly BlobContainerClient _container;
    private readonly Lazy<Task> _created;

    /// <summary>Creates the container wrapper; the container is created on first use.</summary>
    public BlobObjectContainer(BlobContainerClient container)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public string Name => _container.Name;

    /// <summary>Gets the underlying container client (for SAS URLs).</summary>
    public BlobContainerClient Client => _container;

    public async Task<StoredObject?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            var response = await _container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
            return new StoredObject(response.Value.Content.ToArray(), response.Value.Details.ETag.ToString(), response.Value.Details.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        try
        {
            var response = await _container.GetBlobClient(path).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return response.Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string path, Stream content, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var conditions = ifMatch switch
        {
            null => null,
            WriteCondition.IfNoneMatch => new BlobRequestConditions { IfNoneMatch = ETag.All },
            _ => new BlobRequestConditions { IfMatch = new ETag(ifMatch) },
        };
        try
        {
            var response = await _container.GetBlobClient(path).UploadAsync(
                content, new BlobUploadOptions { Conditions = conditions }, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            throw new ObjectConflictException($"'{path}' changed (expected {ifMatch}).", ex);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The content is staged in blocks as it is read and committed with the properties (Content-Type and metadata)
    /// in one Put Block List: one pass over the content, one ETag, and a blob-created event only for the finished blob.
    /// </remarks>
    public async Task<string> WriteWithPropertiesAsync(string path, Stream content, Func<ObjectProperties> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(properties);
        await _created.Value;
        var blob = _container.GetBlockBlobClient(path);
        var blockIds = new List<string>();
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            int filled;
            while ((filled = await FillAsync(content, buffer, cancellationToken)) > 0)
            {
                // Block ids must all have the same length within a blob.
                var id = Convert.ToBase64String(Encoding.ASCII.GetBytes(blockIds.Count.ToString("D8", CultureInfo.InvariantCulture)));
                using var block = new MemoryStream(buffer, 0, filled, writable: false);
                await blob.StageBlockAsync(id, block, cancellationToken: cancellationToken);
                blockIds.Add(id);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var recorded = properties();
        var response = await blob.CommitBlockListAsync(
            blockIds,
            new CommitBlockListOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = recorded.ContentType },
                Metadata = recorded.Metadata.ToDictionary(StringComparer.Ordinal),
            },
            cancellationToken);
        return response.Value.ETag.ToString();
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        await _created.Value;
        var response = await _container.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }

    public async Task<bool> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        await _created.Value;
        var deleted = false;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder.TrimEnd('/') + "/", cancellationToken))
        {
            deleted |= (await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }

        return deleted;
    }

    /// <inheritdoc />
    /// <remarks>Blob names are at most 1,024 characters.</remarks>
    public string? CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length > MaxBlobName ? $"'{path[..40]}…' is {path.Length} characters long; a blob name is at most {MaxBlobName}" : null;
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _created.Value;
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken))
        {
            yield return new ObjectInfo(
                blob.Name, blob.Properties.ContentLength ?? 0, blob.Properties.ETag?.ToString() ?? string.Empty,
                blob.Properties.LastModified ?? DateTimeOffset.MinValue,
                new ObjectProperties(blob.Properties.ContentType, blob.Metadata?.AsReadOnly() ?? new Dictionary<string, string>().AsReadOnly()));
        }
    }

    public async IAsyncEnumerable<string> ListFoldersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _created.Value;
        await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix: null, cancellationToken))
        {
            if (item.IsPrefix)
            {
                yield return item.Prefix.TrimEnd('/');
            }
        }
    }

    public string LocationOf(string path) => _container.GetBlobClient(path).Uri.ToString();

    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        int read;
        while (filled < BlockSize && (read = await content.ReadAsync(buffer.AsMemory(filled, BlockSize - filled), cancellationToken)) > 0)
        {
            filled += read;
        }

        return filled;
    }
}

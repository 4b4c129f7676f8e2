using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;

namespace DurableClaims.Storage;

/// <summary>An <see cref="IObjectContainer"/> on a local folder; ETags are content hashes, writes are atomic renames.</summary>
/// <remarks>
/// Content hashes rather than modification times: Linux stamps files with a coarse clock, so two quick
/// writes of equal length could share a time and a stale If-Match would pass. Conditional writes are
/// serialized per file inside this process; the task hub lock keeps a second process off the data directory.
/// </remarks>
public sealed class FolderObjectContainer : IObjectContainer
{
    private const string SidecarSuffix = "~properties.json";

    // A fixed set of gates chosen by path hash: bounded memory however many files are ever written.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    private static readonly JsonSerializerOptions SidecarJson = new(JsonSerializerDefaults.Web);
    private readonly string _root;

    /// <summary>Creates the container on <paramref name="root"/> (created on first write).</summary>
    public FolderObjectContainer(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        Name = Path.GetFileName(_root);
    }

    public string Name { get; }

    public async Task<StoredObject?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            return new StoredObject(bytes, ETagOf(SHA256.HashData(bytes)), File.GetLastWriteTimeUtc(file));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<string> WriteAsync(string path, Stream content, string? ifMatch = null, CancellationToken cancellationToken = default)
        => WriteCoreAsync(path, content, ifMatch, null, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The properties go to a sidecar file <c>{name}~properties.json</c> that listings skip ('~' is in no document name), stamped with the content's ETag: a sidecar left from an earlier version (a crash between the two renames) is ignored.</remarks>
    public Task<string> WriteWithPropertiesAsync(string path, Stream content, Func<ObjectProperties> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return WriteCoreAsync(path, content, null, properties, cancellationToken);
    }

    private async Task<string> WriteCoreAsync(string path, Stream content, string? ifMatch, Func<ObjectProperties>? properties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = FullPath(path);
        var sidecar = file + SidecarSuffix;
        string? temp = null;
        string? sidecarTemp = null;
        var gate = Gates[(int)((uint)StringComparer.Ordinal.GetHashCode(file) % (uint)Gates.Length)];
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (ifMatch is not null)
            {
                var current = File.Exists(file) ? await HashFileAsync(file, cancellationToken) : null;
                var holds = ifMatch == WriteCondition.IfNoneMatch ? current is null : string.Equals(current, ifMatch, StringComparison.Ordinal);
                if (!holds)
                {
                    throw new ObjectConflictException($"'{path}' changed (expected {ifMatch}, found {current ?? "nothing"}).");
                }
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            temp = $"{file}.{Guid.NewGuid():N}.tmp";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await using (stream)
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            var etag = ETagOf(hash.GetHashAndReset());
            if (properties is not null)
            {
                var recorded = properties();
                sidecarTemp = $"{sidecar}.{Guid.NewGuid():N}.tmp";
                await File.WriteAllBytesAsync(
                    sidecarTemp, JsonSerializer.SerializeToUtf8Bytes(new Sidecar(etag, recorded.ContentType, recorded.Metadata), SidecarJson), cancellationToken);
            }

            // Rename is atomic: readers see the old or the new file, never half of one.
            File.Move(temp, file, overwrite: true);
            temp = null;
            if (sidecarTemp is not null)
            {
                File.Move(sidecarTemp, sidecar, overwrite: true);
                sidecarTemp = null;
            }
            else
            {
                // Properties of an earlier version do not describe this one.
                File.Delete(sidecar);
            }

            return etag;
        }
        finally
        {
            // A failed or cancelled write leaves nothing behind.
            if (temp is not null)
            {
                File.Delete(temp);
            }

            if (sidecarTemp is not null)
            {
                File.Delete(sidecarTemp);
            }

            gate.Release();
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        if (!File.Exists(file))
        {
            return Task.FromResult(false);
        }

        File.Delete(file);
        File.Delete(file + SidecarSuffix);
        var folder = Path.GetDirectoryName(file);
        while (folder is not null && folder.Length > _root.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder);
        }

        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Start from the deepest folder the prefix names, so listing one claim does not walk every claim.
        var folderPart = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..prefix.LastIndexOf('/')] : string.Empty;
        var start = folderPart.Length == 0 ? _root : FullPath(folderPart);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (!relative.StartsWith(prefix, StringComparison.Ordinal) || relative.EndsWith(".tmp", StringComparison.Ordinal)
                || relative.EndsWith(SidecarSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var info = new FileInfo(file);
            string etag;
            try
            {
                etag = await HashFileAsync(file, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue;
            }

            yield return new ObjectInfo(relative, info.Length, etag, info.LastWriteTimeUtc, await ReadSidecarAsync(file, etag, cancellationToken));
        }
    }

    public async IAsyncEnumerable<string> ListFoldersAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(_root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return folder;
        }

        await Task.CompletedTask;
    }

    public string LocationOf(string path) => FullPath(path);

    private string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path '{path}' leaves the container.", nameof(path));
        }

        return full;
    }

    private static async Task<ObjectProperties?> ReadSidecarAsync(string file, string etag, CancellationToken cancellationToken)
    {
        Sidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize<Sidecar>(await File.ReadAllBytesAsync(file + SidecarSuffix, cancellationToken), SidecarJson);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }

        return sidecar is not null && string.Equals(sidecar.ETag, etag, StringComparison.Ordinal)
            ? new ObjectProperties(sidecar.ContentType, sidecar.Metadata ?? new Dictionary<string, string>())
            : null;
    }

    private static async Task<string> HashFileAsync(string file, CancellationToken cancellationToken)
    {
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
        await using (stream)
        {
            return ETagOf(await SHA256.HashDataAsync(stream, cancellationToken));
        }
    }

    private static string ETagOf(byte[] hash) => "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 12)) + "\"";

    private sealed record Sidecar(string ETag, string? ContentType, IReadOnlyDictionary<string, string>? Metadata);
}

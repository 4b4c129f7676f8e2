using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
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

    // The longest suffix a write adds to a name: the sidecar's, then a temporary file's ".{guid:N}.tmp".
    private static readonly int LongestSuffix = Encoding.UTF8.GetByteCount(SidecarSuffix) + 1 + 32 + 4;
    private readonly string _root;
    private readonly Func<Stream, Stream> _wrapTemp;

    /// <summary>Creates the container on <paramref name="root"/> (created on first write).</summary>
    public FolderObjectContainer(string root)
        : this(root, stream => stream)
    {
    }

    /// <summary>Creates the container with a wrapper around each temporary file's stream (tests simulate a full disk with it).</summary>
    internal FolderObjectContainer(string root, Func<Stream, Stream> wrapTemp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(wrapTemp);
        _root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        _wrapTemp = wrapTemp;
        Name = Path.GetFileName(_root);
    }

    /// <summary>Gets the longest name, in UTF-8 bytes, one path segment may have (the file system's limit less the suffixes a write adds).</summary>
    public static int MaxNameBytes => MaxFileNameBytes - LongestSuffix;

    // 255 bytes per name on ext4, xfs, btrfs, APFS and (in UTF-16 units) NTFS.
    private const int MaxFileNameBytes = 255;

    // PATH_MAX on Linux is 4096 bytes including the terminator; Windows without long-path support allows 259 characters.
    private static int MaxFullPathBytes => OperatingSystem.IsWindows() ? 259 : 4095;

    public string Name { get; }

    public async Task<StoredObject?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        try
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            return new StoredObject(bytes, ETagOf(SHA256.HashData(bytes)), File.GetLastWriteTimeUtc(file));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        {
            // A name too long to store was never stored.
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
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
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

    /// <inheritdoc />
    /// <remarks>Every name and the whole path must fit the file system's limits with the temporary and sidecar suffixes a write adds.</remarks>
    public string? CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CheckLength(_root, path);
    }

    private async Task<string> WriteCoreAsync(string path, Stream content, string? ifMatch, Func<ObjectProperties>? properties, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = WritablePath(path);
        var sidecar = file + SidecarSuffix;
        string? temp = null;
        string? sidecarTemp = null;
        try
        {
            // The content is copied to a temporary file before the gate is taken: a slow client stream
            // must not hold a gate that unrelated files share.
            temp = $"{file}.{Guid.NewGuid():N}.tmp";
            var etag = await WriteTempAsync(temp, content, cancellationToken);
            if (properties is not null)
            {
                var recorded = properties();
                sidecarTemp = $"{sidecar}.{Guid.NewGuid():N}.tmp";
                await File.WriteAllBytesAsync(
                    sidecarTemp, JsonSerializer.SerializeToUtf8Bytes(new Sidecar(etag, recorded.ContentType, recorded.Metadata), SidecarJson), cancellationToken);
            }

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
            }
            finally
            {
                gate.Release();
            }

            return etag;
        }
        catch (IOException ex) when (StorageErrors.IsDiskFull(ex))
        {
            throw StorageErrors.Full(path, ex);
        }
        finally
        {
            // A failed or cancelled write leaves nothing behind; this cleanup itself never throws.
            TryDelete(temp);
            TryDelete(sidecarTemp);
        }
    }

    private async Task<string> WriteTempAsync(string temp, Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var stream = _wrapTemp(new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true));
        await using (stream)
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
        }

        return ETagOf(hash.GetHashAndReset());
    }

    /// <summary>Deletes a file when there is one; cleanup paths call it, so it never throws.</summary>
    private static void TryDelete(string? file)
    {
        if (file is null)
        {
            return;
        }

        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the claim's folder delete; the listing skips *.tmp meanwhile.
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        if (CheckLength(_root, path) is not null || !File.Exists(file))
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

    /// <inheritdoc />
    /// <remarks>Removes the folder itself, so temporary files of interrupted writes and stale sidecars go too.</remarks>
    public Task<bool> DeleteFolderAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var full = FullPath(folder.TrimEnd('/'));
        if (!Directory.Exists(full))
        {
            return Task.FromResult(false);
        }

        try
        {
            Directory.Delete(full, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Deleted meanwhile by another caller: the outcome is the same.
        }

        return Task.FromResult(true);
    }

    public string LocationOf(string path) => FullPath(path);

    /// <summary>Returns why <paramref name="path"/> cannot be stored under <paramref name="root"/>, or null when it can.</summary>
    private static string? CheckLength(string root, string path)
    {
        var longest = path.Split('/').Max(segment => Encoding.UTF8.GetByteCount(segment));
        if (longest > MaxNameBytes)
        {
            return $"a name in '{path}' is {longest} bytes long; at most {MaxNameBytes} can be stored";
        }

        var full = Encoding.UTF8.GetByteCount(root) + 1 + Encoding.UTF8.GetByteCount(path) + LongestSuffix;
        return full > MaxFullPathBytes ? $"'{path}' would make a path of {full} bytes in '{root}'; at most {MaxFullPathBytes} can be stored" : null;
    }

    /// <summary>Returns the full path of <paramref name="path"/> for a write, refusing a name the file system could not hold (before anything is written).</summary>
    private string WritablePath(string path)
    {
        var file = FullPath(path);
        return CheckLength(_root, path) is { } reason ? throw new ArgumentException($"The path cannot be stored: {reason}.", nameof(path)) : file;
    }

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

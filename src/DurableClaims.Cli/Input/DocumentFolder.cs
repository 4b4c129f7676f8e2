using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Input;

/// <summary>One document file to deliver to a claim.</summary>
/// <param name="Type">The document type (the file name without extension).</param>
/// <param name="FileName">The file name as stored.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record DocumentFile(string Type, string FileName, ReadOnlyMemory<byte> Content);

/// <summary>Reads the documents of a folder given to <c>resume -d DIR</c> or <c>process -d DIR</c>.</summary>
internal static class DocumentFolder
{
    /// <summary>
    /// Reads the regular files directly inside <paramref name="directory"/>; each file's name without extension is its
    /// type (police_report.pdf → police_report). Hidden entries are skipped silently; symbolic links (to files or
    /// folders) and sub-folders are skipped with a warning on <paramref name="warnings"/>.
    /// </summary>
    /// <remarks>
    /// A link could point anywhere the user can read (/etc/passwd, a key file) and its content would go to the
    /// claim and its agents; a sub-folder's name would become a document type nobody asked for. The folder named on
    /// the command line itself may be a link: that is the user's own choice.
    /// </remarks>
    /// <exception cref="CliInputException">The folder does not exist, a file cannot be read, or no document is left.</exception>
    public static async Task<IReadOnlyList<DocumentFile>> ReadAsync(string directory, TextWriter warnings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new CliInputException($"Cannot read documents from '{directory}': the folder does not exist.");
        }

        var documents = new List<DocumentFile>();
        var skipped = new List<string>();
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith('.'))
            {
                continue;
            }

            if (SkipReason(entry) is { } reason)
            {
                skipped.Add(entry.Name);
                await warnings.WriteLineAsync($"warning: skipped '{entry.Name}' in '{directory}': {reason}; documents are read only from regular files directly inside the folder.");
                continue;
            }

            try
            {
                var bytes = await File.ReadAllBytesAsync(entry.FullName, cancellation);
                documents.Add(new DocumentFile(Path.GetFileNameWithoutExtension(entry.Name), entry.Name, bytes));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"Cannot read document '{entry.FullName}': {exception.Message}", exception);
            }
        }

        if (documents.Count == 0)
        {
            throw skipped.Count == 0
                ? new CliInputException($"No documents found in '{directory}'.")
                : new CliInputException($"No documents found in '{directory}': only links or sub-folders, which are not read.", [.. skipped.Select(name => $"skipped: {name}")]);
        }

        return documents;
    }

    private static string? SkipReason(FileSystemInfo entry) => entry switch
    {
        _ when entry.LinkTarget is not null || entry.Attributes.HasFlag(FileAttributes.ReparsePoint) => "a symbolic link",
        DirectoryInfo => "a sub-folder",
        _ => null,
    };
}

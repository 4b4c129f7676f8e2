using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Input;

/// <summary>One document file to deliver to a claim.</summary>
/// <param name="Type">The document type (file name without extension, or its folder's name).</param>
/// <param name="FileName">The file name as stored.</param>
/// <param name="Content">The file's bytes.</param>
internal sealed record DocumentFile(string Type, string FileName, ReadOnlyMemory<byte> Content);

/// <summary>Reads the documents of a folder given to <c>resume -d DIR</c>.</summary>
internal static class DocumentFolder
{
    /// <summary>
    /// Reads every file of <paramref name="directory"/>: a file directly inside it has its name
    /// without extension as type (police_report.pdf → police_report); a file in a sub-folder has
    /// that folder's name as type (police_report/scan-1.pdf → police_report).
    /// </summary>
    public static async Task<IReadOnlyList<DocumentFile>> ReadAsync(string directory, CancellationToken cancellation)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new CliInputException($"Cannot read documents from '{directory}': the folder does not exist.");
        }

        var documents = new List<DocumentFile>();
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
            {
                continue;
            }

            var parent = Path.GetDirectoryName(relative);
            var type = string.IsNullOrEmpty(parent)
                ? Path.GetFileNameWithoutExtension(file)
                : Path.GetFileName(parent);
            try
            {
                var bytes = await File.ReadAllBytesAsync(file, cancellation);
                documents.Add(new DocumentFile(type, Path.GetFileName(file), bytes));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"Cannot read document '{file}': {exception.Message}", exception);
            }
        }

        if (documents.Count == 0)
        {
            throw new CliInputException($"No documents found in '{directory}'.");
        }

        return documents;
    }
}

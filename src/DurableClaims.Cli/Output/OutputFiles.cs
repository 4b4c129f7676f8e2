using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Output;

/// <summary>Writes the result files of process/resume to the -o folder.</summary>
/// <remarks>
/// decision.json is the claim status object (as GET /api/claims/{id}); handoff_package.md or
/// denial_package.md is the Markdown package of a decided claim; missing_documents.json lists what a
/// paused claim waits for. Files of these names that no longer apply (e.g. missing_documents.json
/// after the documents arrived) are removed, so the folder always describes the claim's current state.
/// </remarks>
internal static class OutputFiles
{
    public const string DecisionFile = "decision.json";
    public const string HandoffFile = "handoff_package.md";
    public const string DenialFile = "denial_package.md";
    public const string MissingFile = "missing_documents.json";

    /// <summary>Writes the files for <paramref name="view"/>; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(
        string directory, ClaimStatusView view, DecisionPackageView? package, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        var written = new List<string>();

        written.Add(await WriteJsonAsync(root, DecisionFile, view, cancellationToken));

        var packageFile = PackageFileName(view, package);
        if (packageFile is not null && package?.PackageMarkdown is { } markdown)
        {
            var path = Path.Combine(root, packageFile);
            await File.WriteAllTextAsync(path, markdown, cancellationToken);
            written.Add(path);
        }

        if (view.Status == ClaimStatusCodes.Paused && view.MissingDocuments.Count > 0)
        {
            var missing = new MissingDocumentsFile(view.ClaimId, view.Status, view.Reason, view.MissingDocuments, view.ReceivedDocuments, view.UploadUrl);
            written.Add(await WriteJsonAsync(root, MissingFile, missing, cancellationToken));
        }

        foreach (var stale in new[] { MissingFile, HandoffFile, DenialFile }.Select(name => Path.Combine(root, name)))
        {
            if (!written.Contains(stale, StringComparer.Ordinal) && File.Exists(stale))
            {
                File.Delete(stale);
            }
        }

        return written;
    }

    private static string? PackageFileName(ClaimStatusView view, DecisionPackageView? package)
    {
        if (package?.PackageMarkdown is null)
        {
            return null;
        }

        // Only the two contract names are written, whatever the package calls itself.
        if (package.PackageFileName is HandoffFile or DenialFile)
        {
            return package.PackageFileName;
        }

        return view.Status == ClaimStatusCodes.Denied ? DenialFile : HandoffFile;
    }

    private static async Task<string> WriteJsonAsync<T>(string root, string name, T value, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, name);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(value, Clients.CliJson.Options) + Environment.NewLine, cancellationToken);
        return path;
    }
}

/// <summary>The content of missing_documents.json.</summary>
internal sealed record MissingDocumentsFile(
    string ClaimId,
    string Status,
    string? Reason,
    IReadOnlyList<string> MissingDocuments,
    IReadOnlyList<string> ReceivedDocuments,
    string? UploadUrl);

using DurableClaims.Cli.Infrastructure;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Input;

/// <summary>Finds, in a folder, the content of the documents a claim file names (its "documents" list).</summary>
internal static class NamedDocuments
{
    /// <summary>
    /// Returns the claim id and, for each document the claim names, the file of <paramref name="directory"/> with
    /// its file name (or, failing that, of its type), stored under the name the claim gives; null when the claim is
    /// invalid (starting it reports why).
    /// </summary>
    public static async Task<(string ClaimId, IReadOnlyList<DocumentFile> Files)?> FindAsync(
        ClaimFile claim, string directory, TextWriter warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var first = ClaimInputParser.Parse(claim.Content, claim.MediaType);
        if (!first.IsValid)
        {
            return null;
        }

        // A claim without an id gets a new one each time it is parsed: its documents could not be stored under it.
        var second = ClaimInputParser.Parse(claim.Content, claim.MediaType);
        var submission = first.Submission!;
        if (submission.ClaimId != second.Submission?.ClaimId)
        {
            throw new CliInputException("--documents needs a claim with a claimId, so that its documents can be stored under that id.");
        }

        var available = await DocumentFolder.ReadAsync(directory, warnings, cancellationToken);
        var files = new List<DocumentFile>();
        foreach (var named in submission.Documents)
        {
            var match = available.FirstOrDefault(f => string.Equals(f.FileName, named.Filename, StringComparison.Ordinal))
                ?? available.FirstOrDefault(f => string.Equals(f.Type, named.Type, StringComparison.Ordinal));
            if (match is not null)
            {
                files.Add(match with { Type = named.Type, FileName = named.Filename });
            }
        }

        return (submission.ClaimId, files);
    }
}

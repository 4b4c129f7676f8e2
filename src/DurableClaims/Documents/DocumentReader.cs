using System.Text;
using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Documents;

/// <summary>Reads the text of a claim's documents for the agents (binary or absent files give no content).</summary>
public sealed class DocumentReader
{
    /// <summary>The most characters of one document an agent reads.</summary>
    public const int MaxCharacters = 32 * 1024;

    private readonly IDocumentStore _store;

    /// <summary>Creates the reader.</summary>
    public DocumentReader(IDocumentStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>Returns each received document with its text content, when stored and textual.</summary>
    public async Task<IReadOnlyList<CaseDocument>> ReadAsync(string claimId, IEnumerable<ReceivedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var result = new List<CaseDocument>();
        foreach (var document in documents)
        {
            result.Add(new CaseDocument(document.Type, document.Filename, await ReadTextAsync(claimId, document, cancellationToken)));
        }

        return result;
    }

    private async Task<string?> ReadTextAsync(string claimId, ReceivedDocument document, CancellationToken cancellationToken)
    {
        if (!ClaimIds.IsSafeSegment(document.Type) || !ClaimIds.IsSafeSegment(document.Filename))
        {
            return null;
        }

        var stream = await _store.OpenReadAsync(claimId, document.Type, document.Filename, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            var buffer = new byte[MaxCharacters];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            // A NUL byte means a binary file (photo, PDF): the agents get its name, not its bytes.
            return Array.IndexOf(buffer, (byte)0, 0, total) >= 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
        }
    }
}

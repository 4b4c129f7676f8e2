using System.Security.Cryptography;

namespace DurableClaims.Domain;

/// <summary>The SHA-256 (lowercase hex) and size of a document's content: what a decision cites to prove which file it read.</summary>
public sealed record DocumentFingerprint(string Sha256, long Size)
{
    /// <summary>Reads <paramref name="content"/> to its end and fingerprints it.</summary>
    public static async Task<DocumentFingerprint> ComputeAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            size += read;
        }

        return new DocumentFingerprint(Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }
}

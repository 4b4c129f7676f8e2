using System.Globalization;
using System.Text.RegularExpressions;

namespace DurableClaims.Contracts;

/// <summary>Claim id rules: safe as orchestration instance id and as a blob path segment.</summary>
public static partial class ClaimIds
{
    /// <summary>The longest allowed claim id.</summary>
    public const int MaxLength = 64;

    /// <summary>The longest allowed document type or file name.</summary>
    /// <remarks>
    /// Far below a file system's 255-byte name limit: the folder store adds a temporary suffix and a
    /// properties sidecar to each name, and a name that cannot be stored must be refused before any write.
    /// </remarks>
    public const int MaxSegmentLength = 120;

    /// <summary>Returns whether <paramref name="claimId"/> has only letters, digits, '-' and '_' and is 1-64 characters.</summary>
    public static bool IsValid(string? claimId)
        => !string.IsNullOrEmpty(claimId) && claimId.Length <= MaxLength && SafeId().IsMatch(claimId);

    /// <summary>Creates a new id <c>CLM-yyyyMMdd-XXXXXXXX</c>.</summary>
    public static string New(TimeProvider? timeProvider = null)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"CLM-{now:yyyyMMdd}-{suffix}");
    }

    /// <summary>Returns whether <paramref name="segment"/> is safe as one path segment (document type or file name) of at most <see cref="MaxSegmentLength"/> characters.</summary>
    /// <remarks>
    /// No leading or trailing space and no trailing '.': Windows drops them, so two names would share one file.
    /// </remarks>
    public static bool IsSafeSegment(string? segment)
        => !string.IsNullOrWhiteSpace(segment) && segment.Length <= MaxSegmentLength
        && segment is not "." and not ".." && segment[0] != ' ' && segment[^1] is not ' ' and not '.'
        && SafeSegment().IsMatch(segment);

    // \z, not $: '$' also matches before a final '\n', which let "type\n" through as a folder name.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"\A[A-Za-z0-9_\-. ()]+\z")]
    private static partial Regex SafeSegment();
}

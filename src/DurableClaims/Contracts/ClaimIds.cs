using System.Globalization;
using System.Text.RegularExpressions;

namespace DurableClaims.Contracts;

/// <summary>Claim id rules: safe as orchestration instance id and as a blob path segment.</summary>
public static partial class ClaimIds
{
    /// <summary>The longest allowed claim id.</summary>
    public const int MaxLength = 64;

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

    /// <summary>Returns whether <paramref name="segment"/> is safe as one path segment (document type or file name).</summary>
    public static bool IsSafeSegment(string? segment)
        => !string.IsNullOrWhiteSpace(segment) && segment.Length <= 255
        && segment is not "." and not ".." && SafeSegment().IsMatch(segment);

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"^[A-Za-z0-9_\-. ()]+$")]
    private static partial Regex SafeSegment();
}

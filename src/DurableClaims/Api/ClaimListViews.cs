using DurableClaims.Contracts;

namespace DurableClaims.Api;

/// <summary>The saved views of the claims list (the <c>view</c> parameter) and the sort keys (the <c>sort</c> parameter).</summary>
public static class ClaimListViews
{
    public const string NeedsReview = "needs-review";
    public const string DocumentsOverdue = "documents-overdue";
    public const string StalledOrError = "stalled-error";
    public const string RecentlyDecided = "recently-decided";

    /// <summary>How far back "Recently decided" looks.</summary>
    public static readonly TimeSpan RecentlyDecidedWindow = TimeSpan.FromDays(7);

    /// <summary>The sort used when none is asked for: newest first.</summary>
    public const string DefaultSort = "-created";

    /// <summary>Gets every view: name and title, in the order the console shows them.</summary>
    public static IReadOnlyList<(string Name, string Title)> All { get; } =
    [
        (NeedsReview, "Needs review"),
        (DocumentsOverdue, "Documents overdue"),
        (StalledOrError, "Stalled / error"),
        (RecentlyDecided, "Recently decided"),
    ];

    /// <summary>Gets every sort key (each may be prefixed with <c>-</c> for descending).</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["created", "updated", "claim", "claimant", "type", "amount", "status", "deadline"];

    /// <summary>Returns whether <paramref name="claim"/> belongs to the view <paramref name="view"/> at <paramref name="now"/>.</summary>
    public static bool Contains(string view, ClaimStatusView claim, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return view switch
        {
            // Waits for an adjuster's approve/deny.
            NeedsReview => claim.Awaiting == ClaimAwaiting.Review,

            // Waits for documents past its deadline, or timed out for want of them and still open.
            DocumentsOverdue => (claim.Awaiting == ClaimAwaiting.Documents && claim.Deadline is { } deadline && deadline < now)
                || (claim.Status == ClaimStatusCodes.Timeout && claim.Reason == ClaimReasons.DocumentsNotReceived),

            // Stopped without a decision for any other cause: no progress, rounds or review run out, failures, terminations.
            StalledOrError => claim.Status is ClaimStatusCodes.Stalled or ClaimStatusCodes.Error
                || (claim.Status == ClaimStatusCodes.Timeout && claim.Reason != ClaimReasons.DocumentsNotReceived),

            RecentlyDecided => claim.Status is ClaimStatusCodes.Approved or ClaimStatusCodes.Denied && claim.LastUpdatedTime >= now - RecentlyDecidedWindow,
            _ => false,
        };
    }

    /// <summary>Returns whether <paramref name="view"/> names a view.</summary>
    public static bool IsView(string view) => All.Any(v => v.Name == view);

    /// <summary>Sorts claims by <paramref name="sort"/> (a key of <see cref="SortKeys"/>, <c>-</c> first for descending); ties keep the newest first.</summary>
    public static IEnumerable<ClaimStatusView> Sort(IEnumerable<ClaimStatusView> claims, string sort)
    {
        ArgumentNullException.ThrowIfNull(sort);
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-', '+');
        IOrderedEnumerable<ClaimStatusView> ordered = key switch
        {
            "updated" => By(claims, c => c.LastUpdatedTime, descending),
            "claim" => By(claims, c => c.ClaimId, descending, StringComparer.OrdinalIgnoreCase),
            "claimant" => By(claims, c => c.Claim?.ClaimantName ?? string.Empty, descending, StringComparer.OrdinalIgnoreCase),
            "type" => By(claims, c => c.Claim?.ClaimType ?? string.Empty, descending, StringComparer.OrdinalIgnoreCase),
            "amount" => By(claims, c => c.Claim?.Amount ?? 0m, descending),

            // Claims without a deadline go last either way: they need nobody by a date.
            "deadline" => claims.OrderBy(c => c.Deadline is null)
                .ThenBy(c => c.Deadline, descending ? Comparer<DateTimeOffset?>.Create((a, b) => Nullable.Compare(b, a)) : Comparer<DateTimeOffset?>.Default),
            "status" => By(claims, c => c.Status, descending, StringComparer.Ordinal),
            _ => By(claims, c => c.CreatedTime, descending),
        };
        return ordered.ThenByDescending(c => c.CreatedTime).ThenBy(c => c.ClaimId, StringComparer.Ordinal);
    }

    /// <summary>Returns whether <paramref name="sort"/> is a valid sort value.</summary>
    public static bool IsSort(string sort) => SortKeys.Contains((sort ?? string.Empty).TrimStart('-', '+'), StringComparer.Ordinal);

    private static IOrderedEnumerable<ClaimStatusView> By<TKey>(
        IEnumerable<ClaimStatusView> claims, Func<ClaimStatusView, TKey> key, bool descending, IComparer<TKey>? comparer = null)
        => descending ? claims.OrderByDescending(key, comparer) : claims.OrderBy(key, comparer);
}

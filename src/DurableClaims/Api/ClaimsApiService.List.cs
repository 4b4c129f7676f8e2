using System.Globalization;
using DurableClaims.Api.Management;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api;

/// <content>The claims list: filters, saved views, sort and paging over the whole list.</content>
public sealed partial class ClaimsApiService
{
    /// <summary>The page size used when <c>top</c> is absent.</summary>
    public const int DefaultTop = 50;

    /// <summary>The most instances one list request reads from the runtime before it sorts and pages them.</summary>
    public const int MaxListScan = 10_000;

    /// <summary>The prefix of the list's continuation tokens (the offset of the next page in the sorted list).</summary>
    private const string OffsetTokenPrefix = "offset:";

    /// <summary>Lists claims: filtered (status, type, claimant, created range, id prefix, saved view), sorted (default newest first) and paged.</summary>
    /// <remarks>
    /// The runtime can neither sort nor filter by the claim's own fields, so the list reads every matching
    /// instance (up to <see cref="MaxListScan"/>), then filters, sorts and cuts the page; pages are always full
    /// except the last, and the token is the next page's offset.
    /// </remarks>
    public async Task<ApiResult<ClaimListPage>> ListClaimsAsync(ClaimListRequest request, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, problem) = ReadListQuery(request);
        if (problem is not null)
        {
            return problem;
        }

        var all = await ReadAllClaimsAsync(query!, request, call, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var matching = all
            .Where(v => query!.Statuses.Count == 0 || query.Statuses.Contains(v.Status))
            .Where(v => query!.View is null || ClaimListViews.Contains(query.View, v, now));
        var sorted = ClaimListViews.Sort(matching, query!.Sort).ToList();
        var page = sorted.Skip(query.Offset).Take(query.Top).ToList();
        var next = query.Offset + query.Top < sorted.Count ? OffsetTokenPrefix + (query.Offset + query.Top).ToString(CultureInfo.InvariantCulture) : null;
        return ApiResult.Ok<ClaimListPage>(new ClaimListPage(page, next, sorted.Count));
    }

    /// <summary>Counts the claims of each saved view (with the same filters as the list, without status and view).</summary>
    public async Task<ApiResult<ClaimViewCounts>> CountViewsAsync(ApiCallContext call, CancellationToken cancellationToken = default)
    {
        var request = new ClaimListRequest(null, null, null, null, null);
        var (query, _) = ReadListQuery(request);
        var all = await ReadAllClaimsAsync(query!, request, call, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var views = ClaimListViews.All.Select(v => new ClaimViewCount(v.Name, v.Title, all.Count(c => ClaimListViews.Contains(v.Name, c, now)))).ToList();
        return ApiResult.Ok(new ClaimViewCounts(all.Count, views));
    }

    private static (ListQuery? Query, ApiResult<ClaimListPage>? Problem) ReadListQuery(ClaimListRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = (request.Status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (statuses.FirstOrDefault(s => !ClaimStatusCodes.All.Contains(s)) is { } bad)
        {
            errors["status"] = [$"'{bad}' is not a claim status ({string.Join(", ", ClaimStatusCodes.All)})."];
        }

        var from = InstanceListRequest.ParseTime(request.CreatedFrom, "createdFrom", errors);
        var to = InstanceListRequest.ParseTime(request.CreatedTo, "createdTo", errors);
        var top = DefaultTop;
        if (!string.IsNullOrEmpty(request.Top)
            && (!int.TryParse(request.Top, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > InstanceListRequest.MaxTop))
        {
            errors["top"] = [$"top must be a whole number from 1 to {InstanceListRequest.MaxTop}."];
        }

        var sort = string.IsNullOrWhiteSpace(request.Sort) ? ClaimListViews.DefaultSort : request.Sort.Trim().ToLowerInvariant();
        if (!ClaimListViews.IsSort(sort))
        {
            errors["sort"] = [$"'{request.Sort}' is not a sort key ({string.Join(", ", ClaimListViews.SortKeys)}; '-' first for descending)."];
        }

        var view = string.IsNullOrWhiteSpace(request.View) ? null : request.View.Trim().ToLowerInvariant();
        if (view is not null && !ClaimListViews.IsView(view))
        {
            errors["view"] = [$"'{request.View}' is not a view ({string.Join(", ", ClaimListViews.All.Select(v => v.Name))})."];
        }

        var offset = 0;
        if (!string.IsNullOrEmpty(request.ContinuationToken)
            && (!request.ContinuationToken.StartsWith(OffsetTokenPrefix, StringComparison.Ordinal)
                || !int.TryParse(request.ContinuationToken.AsSpan(OffsetTokenPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset)))
        {
            errors[ApiRoutes.ContinuationTokenHeader] = ["The continuation token is not valid."];
        }

        return errors.Count > 0
            ? (null, ApiResult.Invalid<ClaimListPage>(errors))
            : (new ListQuery(statuses, from, to, top, sort, view, offset), null);
    }

    /// <summary>Reads every claim instance the runtime-side filters (runtime status, created range, id prefix) let through, with type and claimant applied.</summary>
    private async Task<List<ClaimStatusView>> ReadAllClaimsAsync(ListQuery query, ClaimListRequest request, ApiCallContext call, CancellationToken cancellationToken)
    {
        var prefix = string.IsNullOrWhiteSpace(request.ClaimIdPrefix) ? null : request.ClaimIdPrefix.Trim();
        var claims = new List<ClaimStatusView>();
        string? token = null;
        var scanned = 0;
        do
        {
            var page = await runtime.QueryAsync(
                new OrchestrationQuery
                {
                    Statuses = RuntimeStatusesFor(query.Statuses),
                    CreatedFrom = query.From,
                    CreatedTo = query.To,
                    InstanceIdPrefix = prefix,
                    PageSize = InstanceListRequest.MaxTop,
                    ContinuationToken = token,
                    FetchInputsAndOutputs = true,
                },
                cancellationToken);
            scanned += page.Values.Count;
            claims.AddRange(page.Values
                .Where(i => string.Equals(i.Name, ClaimWorkflow.OrchestratorName, StringComparison.OrdinalIgnoreCase))
                .Where(i => Matches(i, request))
                .Select(i => ViewWithUploadUrl(i, call)));
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token) && scanned < MaxListScan);
        return claims;
    }

    /// <summary>Applies the claim type and claimant filters to the instance's input (the claim as submitted).</summary>
    private static bool Matches(OrchestrationMetadata instance, ClaimListRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClaimType) && string.IsNullOrWhiteSpace(request.Claimant))
        {
            return true;
        }

        var claim = ReadSubmission(instance);
        return claim is not null
            && (string.IsNullOrWhiteSpace(request.ClaimType) || string.Equals(claim.ClaimType, request.ClaimType.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(request.Claimant)
                || claim.Claimant.Name.Contains(request.Claimant.Trim(), StringComparison.OrdinalIgnoreCase)
                || claim.Claimant.Email.Contains(request.Claimant.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The claim as submitted (the instance's input), or null when it cannot be read.</summary>
    private static ClaimSubmission? ReadSubmission(OrchestrationMetadata instance)
    {
        try
        {
            return instance.ReadInputAs<ClaimSubmission>();
        }
        catch (System.Text.Json.JsonException)
        {
            // An input written by another version must not break the list.
            return null;
        }
    }

    /// <summary>Maps claim statuses to the runtime statuses that can carry them, so that the runtime filters first.</summary>
    private static List<OrchestrationRuntimeStatus>? RuntimeStatusesFor(List<string> statuses)
    {
        if (statuses.Count == 0)
        {
            return null;
        }

        var result = new HashSet<OrchestrationRuntimeStatus>();
        foreach (var status in statuses)
        {
            if (status is ClaimStatusCodes.Running or ClaimStatusCodes.Paused)
            {
                result.UnionWith([OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended]);
            }
            else if (status == ClaimStatusCodes.Error)
            {
                result.UnionWith([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]);
            }
            else
            {
                // Stalled and timed-out claims stay open (running) while they wait for an adjuster.
                result.UnionWith([OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended]);
            }
        }

        return result.ToList();
    }

    /// <summary>A validated list query.</summary>
    private sealed record ListQuery(List<string> Statuses, DateTimeOffset? From, DateTimeOffset? To, int Top, string Sort, string? View, int Offset);
}

using System.Globalization;
using DurableClaims.Api.Management;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api;

/// <content>Read-only queries: list, history, lifecycle events, decision package.</content>
public sealed partial class ClaimsApiService
{
    /// <summary>The page size used when <c>top</c> is absent.</summary>
    public const int DefaultTop = 50;

    /// <summary>Lists claims in the runtime's order; a status filter may leave a page shorter than <c>top</c> (follow the continuation token).</summary>
    public async Task<ApiResult<ClaimListPage>> ListClaimsAsync(ClaimListRequest request, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
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

        if (errors.Count > 0)
        {
            return ApiResult.Invalid<ClaimListPage>(errors);
        }

        var prefix = string.IsNullOrWhiteSpace(request.ClaimIdPrefix) ? null : request.ClaimIdPrefix.Trim();
        var query = new OrchestrationQuery
        {
            Statuses = RuntimeStatusesFor(statuses),
            CreatedFrom = from,
            CreatedTo = to,
            InstanceIdPrefix = prefix,
            PageSize = top,
            ContinuationToken = string.IsNullOrEmpty(request.ContinuationToken) ? null : request.ContinuationToken,
            FetchInputsAndOutputs = true,
        };
        Page<OrchestrationMetadata> page;
        try
        {
            page = await runtime.QueryAsync(query, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            return ApiResult.Invalid<ClaimListPage>(ApiRoutes.ContinuationTokenHeader, "The continuation token is not valid.");
        }

        var claims = page.Values
            .Where(i => string.Equals(i.Name, ClaimWorkflow.OrchestratorName, StringComparison.OrdinalIgnoreCase))
            .Where(i => Matches(i, request))
            .Select(i => ViewWithUploadUrl(i, call))
            .Where(v => statuses.Count == 0 || statuses.Contains(v.Status))
            .ToList();
        return ApiResult.Ok<ClaimListPage>(new ClaimListPage(claims, page.ContinuationToken));
    }

    /// <summary>Applies the claim type and claimant filters to the instance's input (the claim as submitted).</summary>
    private static bool Matches(OrchestrationMetadata instance, ClaimListRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ClaimType) && string.IsNullOrWhiteSpace(request.Claimant))
        {
            return true;
        }

        var claim = instance.ReadInputAs<ClaimSubmission>();
        return claim is not null
            && (string.IsNullOrWhiteSpace(request.ClaimType) || string.Equals(claim.ClaimType, request.ClaimType.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(request.Claimant)
                || claim.Claimant.Name.Contains(request.Claimant.Trim(), StringComparison.OrdinalIgnoreCase)
                || claim.Claimant.Email.Contains(request.Claimant.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Gets a claim's chat history, oldest first.</summary>
    public async Task<ApiResult<IReadOnlyList<HistoryMessageView>>> GetHistoryAsync(string claimId, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(claimId, cancellationToken))
        {
            return UnknownClaim<IReadOnlyList<HistoryMessageView>>(claimId);
        }

        var history = await sessions.GetHistoryAsync(claimId, cancellationToken);
        return ApiResult.Ok<IReadOnlyList<HistoryMessageView>>(
            history.Select(m => new HistoryMessageView(m.Id, m.Author, m.Role, m.Content, m.Timestamp)).ToList());
    }

    /// <summary>Gets a claim's lifecycle events, oldest first.</summary>
    public async Task<ApiResult<IReadOnlyList<ClaimLifecycleEvent>>> GetEventsAsync(string claimId, CancellationToken cancellationToken = default)
    {
        if (!await ExistsAsync(claimId, cancellationToken))
        {
            return UnknownClaim<IReadOnlyList<ClaimLifecycleEvent>>(claimId);
        }

        return ApiResult.Ok<IReadOnlyList<ClaimLifecycleEvent>>(await sessions.GetEventsAsync(claimId, cancellationToken));
    }

    /// <summary>Gets the decision package; NotFound until the claim is approved or denied.</summary>
    public async Task<ApiResult<DecisionPackageView>> GetPackageAsync(string claimId, CancellationToken cancellationToken = default)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            return UnknownClaim<DecisionPackageView>(claimId);
        }

        var instance = await runtime.GetAsync(claimId, true, cancellationToken);
        if (instance is not null && ClaimStatusMapper.ReadOutcome(instance) is { Decision: not null } outcome)
        {
            return ApiResult.Ok<DecisionPackageView>(new DecisionPackageView(
                claimId, outcome.Status, outcome.Reason, outcome.Decision, outcome.PackageFileName, outcome.PackageMarkdown));
        }

        var session = instance is null ? await sessions.LoadStateAsync(claimId, cancellationToken) : null;
        if (session?.Context is { Decision: not null } context)
        {
            return ApiResult.Ok<DecisionPackageView>(new DecisionPackageView(
                claimId, session.Metadata.Status, session.Metadata.Reason, context.Decision, context.PackageFileName, context.PackageMarkdown));
        }

        return instance is null && session is null
            ? UnknownClaim<DecisionPackageView>(claimId)
            : ApiResult.NotFound<DecisionPackageView>($"Claim '{claimId}' has no decision package yet.");
    }

    private async Task<bool> ExistsAsync(string claimId, CancellationToken cancellationToken)
        => ClaimIds.IsValid(claimId)
        && (await runtime.GetAsync(claimId, false, cancellationToken) is not null || await sessions.ExistsAsync(claimId, cancellationToken));

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
                result.Add(OrchestrationRuntimeStatus.Completed);
            }
        }

        return result.ToList();
    }
}

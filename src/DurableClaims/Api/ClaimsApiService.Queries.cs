using System.Globalization;
using DurableClaims.Api.Management;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api;

/// <content>Read-only queries: history, lifecycle events, decision package.</content>
public sealed partial class ClaimsApiService
{
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
}

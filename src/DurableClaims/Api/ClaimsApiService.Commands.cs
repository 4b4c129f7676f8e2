using DurableClaims.Api.Runtime;
using DurableClaims.Contracts;

namespace DurableClaims.Api;

/// <content>Commands: delete and retention clean-up (adjusters act through <see cref="Adjusters.ClaimActionsService"/>).</content>
public sealed partial class ClaimsApiService
{
    /// <summary>Terminates the claim if it runs, then purges its instance, session and documents.</summary>
    public async Task<ApiResult<ClaimDeleted>> DeleteClaimAsync(string claimId, CancellationToken cancellationToken = default)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            return UnknownClaim<ClaimDeleted>(claimId);
        }

        var instance = await runtime.GetAsync(claimId, false, cancellationToken);
        var terminated = false;
        if (instance is { IsCompleted: false })
        {
            terminated = await runtime.TerminateAsync(claimId, "deleted", cancellationToken) == RuntimeOutcome.Done;
            if (!await WaitUntilStoppedAsync(claimId, cancellationToken))
            {
                Log.TerminateTimedOut(logger, claimId, _options.DeleteTimeout);
                return ApiResult.Conflict<ClaimDeleted>($"Claim '{claimId}' was terminated but has not stopped yet; try again shortly.");
            }
        }

        var purged = instance is not null && await runtime.PurgeAsync(claimId, cancellationToken) == RuntimeOutcome.Done ? 1 : 0;
        var sessionDeleted = await sessions.DeleteAsync(claimId, cancellationToken);
        var documentsDeleted = await documents.DeleteAllAsync(claimId, cancellationToken);
        if (instance is null && !sessionDeleted && documentsDeleted == 0)
        {
            return UnknownClaim<ClaimDeleted>(claimId);
        }

        Log.ClaimDeleted(logger, claimId, terminated, documentsDeleted);
        return ApiResult.Ok<ClaimDeleted>(new ClaimDeleted(claimId, terminated, purged, sessionDeleted, documentsDeleted));
    }

    /// <summary>Retention: removes finished sessions last updated before <paramref name="olderThan"/> and purges the finished instances created before it.</summary>
    /// <remarks>Running and paused claims are never touched; the CLI's <c>cleanup</c> and the Functions retention timer both run this.</remarks>
    public async Task<RetentionResult> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        var removed = await RemoveFinishedSessionsAsync(olderThan, cancellationToken);
        removed += await RemoveStoppedSessionsAsync(olderThan, cancellationToken);
        var purged = await runtime.PurgeFinishedAsync(olderThan, cancellationToken);
        return new RetentionResult(olderThan, removed, purged);
    }

    /// <summary>Removes old sessions of finished claims; a claim that has its status but is still open for an adjuster keeps its session.</summary>
    private async Task<int> RemoveFinishedSessionsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var session in await sessions.ListAsync(new SessionQuery(), cancellationToken))
        {
            if ((session.Archived || ClaimStatusCodes.IsTerminal(session.Status)) && session.UpdatedAt < olderThan
                && await runtime.GetAsync(session.ClaimId, includePayloads: false, cancellationToken) is null or { IsCompleted: true }
                && await sessions.DeleteAsync(session.ClaimId, cancellationToken))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Removes old sessions that still say running or paused although their instance has stopped.</summary>
    /// <remarks>
    /// A claim terminated or failed through the management API never records a final status. Once its
    /// instance is purged, its session would otherwise come back as a paused claim forever.
    /// </remarks>
    private async Task<int> RemoveStoppedSessionsAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        var open = await sessions.ListAsync(new SessionQuery { Archived = false, Statuses = [ClaimStatusCodes.Running, ClaimStatusCodes.Paused] }, cancellationToken);
        var removed = 0;
        foreach (var session in open.Where(s => s.UpdatedAt < olderThan))
        {
            var instance = await runtime.GetAsync(session.ClaimId, includePayloads: false, cancellationToken);
            if (instance is null || instance.IsCompleted)
            {
                removed += await sessions.DeleteAsync(session.ClaimId, cancellationToken) ? 1 : 0;
            }
        }

        return removed;
    }

    private async Task<bool> WaitUntilStoppedAsync(string claimId, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + _options.DeleteTimeout;
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var current = await runtime.GetAsync(claimId, false, cancellationToken);
            if (current is null || current.IsCompleted)
            {
                return true;
            }

            if (timeProvider.GetUtcNow() >= deadline)
            {
                return false;
            }

            await Task.Delay(delay, timeProvider, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 250));
        }
    }
}

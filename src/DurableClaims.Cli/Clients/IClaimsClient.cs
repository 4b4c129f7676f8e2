using DurableClaims.Api;
using DurableClaims.Cli.Input;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Clients;

/// <summary>The claims API as the CLI sees it: the embedded ClaimsApiService, or a running host over HTTP.</summary>
/// <remarks>Both implementations return the shared API types, so human and --json output are the same in both modes.</remarks>
internal interface IClaimsClient : IAsyncDisposable
{
    /// <summary>Validates and starts a claim with the documents it names (stored before it starts, so its first check sees them).</summary>
    Task<ApiResult<ManagementPayload>> StartClaimAsync(ClaimFile claim, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken);

    /// <summary>Gets a claim's status object.</summary>
    Task<ApiResult<ClaimStatusView>> GetClaimAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Stores the documents and raises DocumentsReceived once for the batch.</summary>
    Task<ApiResult<DocumentsAccepted>> SubmitDocumentsAsync(string claimId, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken);

    /// <summary>Approves or denies a claim that waits for review (AdjusterDecision) or for an adjuster after it stalled, timed out or failed (AdjusterAction).</summary>
    Task<ApiResult<AdjusterActionAccepted>> ReviewAsync(string claimId, ReviewRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the customer again for documents (a stalled or timed-out claim goes back to waiting for them).</summary>
    Task<ApiResult<AdjusterActionAccepted>> ReopenAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken);

    /// <summary>Runs the failed step of a claim in error again.</summary>
    Task<ApiResult<AdjusterActionAccepted>> RetryAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken);

    Task<ApiResult<AdjusterActionAccepted>> RemindAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken);

    /// <summary>Closes a claim that waits for an adjuster with the status it has.</summary>
    Task<ApiResult<AdjusterActionAccepted>> CloseAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken);

    /// <summary>Adds a note to a claim's timeline (open or closed).</summary>
    Task<ApiResult<ClaimLifecycleEvent>> AddNoteAsync(string claimId, NoteRequest request, CancellationToken cancellationToken);

    /// <summary>Moves a closed claim's session to the archive area.</summary>
    Task<ApiResult<ClaimArchived>> ArchiveAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Lists one page of claims.</summary>
    Task<ApiResult<ClaimListPage>> ListClaimsAsync(ClaimListRequest request, CancellationToken cancellationToken);

    /// <summary>Gets a claim's chat history.</summary>
    Task<ApiResult<IReadOnlyList<HistoryMessageView>>> GetHistoryAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Gets a claim's lifecycle events.</summary>
    Task<ApiResult<IReadOnlyList<ClaimLifecycleEvent>>> GetEventsAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Gets the decision package of a decided claim.</summary>
    Task<ApiResult<DecisionPackageView>> GetPackageAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Gets the statistics over every session (GET /api/stats).</summary>
    Task<ApiResult<ClaimStatistics>> GetStatsAsync(CancellationToken cancellationToken);

    /// <summary>Lists archived sessions as status objects, newest first (embedded only: the HTTP API does not list the archive).</summary>
    Task<IReadOnlyList<ClaimStatusView>> ListArchivedAsync(IReadOnlyCollection<string>? statuses, int top, CancellationToken cancellationToken);

    /// <summary>Deletes finished sessions and purges finished instances last updated/created before <paramref name="olderThan"/> (embedded only).</summary>
    Task<RetentionResult> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken);

    /// <summary>Terminates the claim if it runs, then removes its instance, session (live or archived) and documents.</summary>
    Task<ApiResult<ClaimDeleted>> DeleteClaimAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Reads the orchestration's history: events it received, work it still waits for.</summary>
    Task<HistorySummary> GetHistorySummaryAsync(string claimId, CancellationToken cancellationToken);

    /// <summary>Starts watching for claim changes (a poll interval, short in-process, longer over HTTP); watch before acting so no change is missed.</summary>
    IClaimChangeSignal WatchClaims();
}

/// <summary>Wakes a waiter when a claim may have changed.</summary>
internal interface IClaimChangeSignal : IDisposable
{
    /// <summary>Waits for the next change (or the next poll), at most <paramref name="maxWait"/>.</summary>
    Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken);
}

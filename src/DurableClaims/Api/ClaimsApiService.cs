using DurableClaims.Api.Intake;
using DurableClaims.Api.Runtime;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;
using DurableClaims.Sessions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api;

/// <summary>The claims API without HTTP: the local host, the CLI and the Functions app call it and only translate its results.</summary>
public sealed partial class ClaimsApiService(
    IClaimsRuntimeClient runtime,
    ISessionStore sessions,
    IDocumentStore documents,
    IIntakeReceiptStore receipts,
    ClaimStatisticsService statistics,
    PolicyCatalog catalog,
    IOptions<ClaimsApiOptions> options,
    TimeProvider timeProvider,
    ILogger<ClaimsApiService> logger)
{
    private readonly ClaimsApiOptions _options = options.Value;

    /// <summary>Returns whether a content type is accepted for a claim submission (JSON or Markdown).</summary>
    public static bool IsClaimContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/markdown", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/x-markdown", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Validates and starts a claim: Accepted with the management payload, Invalid per field, Conflict when the id is taken.</summary>
    /// <remarks>
    /// Claim ids are unique and records are never overwritten: an id is taken while its instance exists
    /// (running or finished) or its session does (live or archived, e.g. after the instance alone was
    /// purged). <see cref="DeleteClaimAsync"/> frees it.
    /// </remarks>
    public Task<ApiResult<ManagementPayload>> StartClaimAsync(
        string content, string? contentType, ApiCallContext call, CancellationToken cancellationToken = default)
        => StartClaimAsync(content, contentType, [], call, cancellationToken);

    /// <summary>Validates a claim and its documents, stores the documents, then starts the claim, so its first document check sees them.</summary>
    /// <remarks>Nothing is stored when the claim or any document is invalid; documents stored for a start that then fails are removed.</remarks>
    public async Task<ApiResult<ManagementPayload>> StartClaimAsync(
        string content, string? contentType, IReadOnlyList<DocumentUpload> documents, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(call);
        if (!IsClaimContentType(contentType))
        {
            return ApiResult.Unsupported<ManagementPayload>(
                $"Content type '{contentType}' is not supported; send application/json or text/markdown.");
        }

        var parsed = ClaimInputParser.Parse(content, contentType, timeProvider);
        if (!parsed.IsValid)
        {
            return ApiResult.Invalid<ManagementPayload>(parsed.Errors, "The claim has invalid fields; nothing was stored.");
        }

        if (documents.Count > 0 && ValidateUploads<ManagementPayload>(documents, requireContent: true) is { } invalid)
        {
            return invalid;
        }

        if (Unpayable(parsed.Submission) is { } unpayable)
        {
            return unpayable;
        }

        var claimId = parsed.Submission.ClaimId;
        if (await FindExistingAsync(claimId, cancellationToken) is { } existing)
        {
            return AlreadyExists(existing, call);
        }

        var outcome = await StoreThenScheduleAsync(parsed.Submission, documents, cancellationToken);
        if (outcome == RuntimeOutcome.StillRunning)
        {
            // Another start of the same id won the race since the check above.
            return AlreadyExists(await FindExistingAsync(claimId, cancellationToken) ?? new ExistingClaim(claimId, ClaimStatusCodes.Running, true), call);
        }

        Log.ClaimStarted(logger, claimId);
        return ApiResult.Accepted<ManagementPayload>(call.Links(claimId), ApiRoutes.AppPath(ApiRoutes.Claim, claimId));
    }

    /// <summary>Gets a claim's status (from the runtime, or from the archive once the instance was purged).</summary>
    public async Task<ApiResult<ClaimStatusView>> GetClaimAsync(string claimId, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!ClaimIds.IsValid(claimId))
        {
            return UnknownClaim<ClaimStatusView>(claimId);
        }

        var instance = await runtime.GetAsync(claimId, true, cancellationToken);
        var session = instance is null ? await sessions.LoadStateAsync(claimId, cancellationToken) : await TryLoadSessionAsync(claimId, cancellationToken);
        if (instance is null && session is null)
        {
            return UnknownClaim<ClaimStatusView>(claimId);
        }

        var view = instance is not null
            ? ViewWithUploadUrl(instance, call)
            : ClaimStatusMapper.FromSession(session!.Metadata, session.Context) with { Claim = ClaimFactsView.From(session.Context?.Claim) };
        return ApiResult.Ok<ClaimStatusView>(await WithCaseAsync(view, session?.Context, call, cancellationToken));
    }

    /// <summary>Gets the claim statistics (counts by status, success rate, rounds, pause times); the counts by status are the list's.</summary>
    /// <remarks>
    /// The statistics service counts sessions, which keep their last status when an instance is terminated through the
    /// management API; a claim the runtime knows is counted under the status the list shows for it, the others (instance
    /// purged) under their session's.
    /// </remarks>
    public async Task<ApiResult<ClaimStatistics>> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var stats = await statistics.GetAsync(cancellationToken);
        var request = new ClaimListRequest(null, null, null, null, null);
        var (query, _) = ReadListQuery(request);
        var statuses = (await ReadAllClaimsAsync(query!, request, new ApiCallContext("http://localhost"), cancellationToken))
            .ToDictionary(c => c.ClaimId, c => c.Status, StringComparer.Ordinal);
        foreach (var session in await sessions.ListAsync(null, cancellationToken))
        {
            statuses.TryAdd(session.ClaimId, session.Status);
        }

        var byStatus = ClaimStatusCodes.All.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        foreach (var status in statuses.Values)
        {
            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
        }

        return ApiResult.Ok(stats with { Total = statuses.Count, ByStatus = byStatus });
    }

    /// <summary>Maps an instance (reading its custom status once) and adds the upload link while it waits for documents.</summary>
    private ClaimStatusView ViewWithUploadUrl(OrchestrationMetadata instance, ApiCallContext call)
    {
        var progress = ClaimStatusMapper.ReadProgress(instance);
        var view = ClaimStatusMapper.FromInstance(instance, progress) with
        {
            Claim = ClaimFactsView.From(ReadSubmission(instance)),
            Recommendation = instance.IsCompleted ? null : progress?.Recommendation,
        };
        if (instance.IsCompleted || progress is not { Status: ClaimStatusCodes.Paused, Awaiting: ClaimAwaiting.Documents })
        {
            return view;
        }

        var expiresOn = progress.DocumentDeadline ?? timeProvider.GetUtcNow().Add(_options.DefaultUploadWindow);
        // A link creates one document: the first one missing, named after its type (the uploader's Content-Type records the media type).
        var sas = progress.MissingDocuments.FirstOrDefault(ClaimIds.IsSafeSegment) is { } type ? documents.CreateUploadUri(view.ClaimId, type, type, expiresOn) : null;
        return view with { UploadUrl = sas?.ToString() ?? call.Url(ApiRoutes.AppPath(ApiRoutes.ClaimDocuments, view.ClaimId), false) };
    }

    /// <summary>Returns what is known under an id (its instance, else its live or archived session), or null when the id is free.</summary>
    private async Task<ExistingClaim?> FindExistingAsync(string claimId, CancellationToken cancellationToken)
    {
        var instance = await runtime.GetAsync(claimId, true, cancellationToken);
        if (instance is not null)
        {
            return new ExistingClaim(claimId, ClaimStatusMapper.FromInstance(instance).Status, !instance.IsCompleted);
        }

        var session = await sessions.LoadStateAsync(claimId, cancellationToken);
        return session is null ? null : new ExistingClaim(claimId, ClaimStatusMapper.FromSession(session.Metadata, session.Context).Status, false);
    }

    private static ApiResult<ManagementPayload> AlreadyExists(ExistingClaim existing, ApiCallContext call)
    {
        var claimId = existing.ClaimId;
        var detail = existing.IsRunning
            ? $"Claim '{claimId}' already exists and is still running (status: {existing.Status})."
            : $"Claim '{claimId}' already exists (status: {existing.Status}); claim ids are unique and a claim's records are never overwritten. "
                + $"DELETE {ApiRoutes.AppPath(ApiRoutes.Claim, claimId)} removes it if the id must be reused.";
        return ApiResult.Conflict<ManagementPayload>(detail, new Dictionary<string, object?>
        {
            ["claimId"] = claimId,
            ["claimStatus"] = existing.Status,
            ["statusQueryGetUri"] = call.Links(claimId).StatusQueryGetUri,
            ["claimUri"] = call.Url(ApiRoutes.AppPath(ApiRoutes.Claim, claimId), false),
        });
    }

    /// <summary>
    /// 422 when the claim names a policy that is not on file, a type it does not cover or another currency: the
    /// claimant can correct these, and no document would change them. An incident outside the policy period is a
    /// fact about the loss, not a typing error: that claim is accepted and denied at intake with a letter.
    /// </summary>
    private ApiResult<ManagementPayload>? Unpayable(ClaimSubmission claim)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["policy.exists"] = "policyNumber", ["coverage.type"] = "claimType", ["coverage.currency"] = "currency",
        };
        var errors = CoverageRules.NeverPayable(claim, catalog.FindPolicy(claim.PolicyNumber))
            .Where(r => fields.ContainsKey(r.Id))
            .GroupBy(r => fields[r.Id])
            .ToDictionary(g => g.Key, g => g.Select(r => r.Detail ?? r.Description).ToArray(), StringComparer.Ordinal);
        return errors.Count == 0
            ? null
            : ApiResult.Unprocessable<ManagementPayload>(errors, "The claim can never be paid as submitted; correct the fields named and submit it again. Nothing was stored.");
    }

    private static ApiResult<T> UnknownClaim<T>(string claimId) => ApiResult.NotFound<T>($"No claim with id '{claimId}' exists.");

    /// <summary>A claim already known under an id: its status and whether its instance still runs.</summary>
    private sealed record ExistingClaim(string ClaimId, string Status, bool IsRunning);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Claim {ClaimId} started")]
        public static partial void ClaimStarted(ILogger logger, string claimId);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{Count} document(s) received for claim {ClaimId} via {Source}")]
        public static partial void DocumentsReceived(ILogger logger, int count, string claimId, string source);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Claim {ClaimId} deleted (terminated: {Terminated}, documents: {Documents})")]
        public static partial void ClaimDeleted(ILogger logger, string claimId, bool terminated, int documents);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Claim {ClaimId} did not stop within {Timeout} after terminate; its instance was not purged")]
        public static partial void TerminateTimedOut(ILogger logger, string claimId, TimeSpan timeout);
    }
}

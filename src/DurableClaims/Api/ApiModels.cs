using DurableClaims.Contracts;

namespace DurableClaims.Api;

/// <summary>Where the caller reached the API: the base URL for absolute links, and the key to carry into them (as Functions does).</summary>
/// <param name="BaseUrl">Scheme, host and path base, e.g. <c>http://127.0.0.1:5080</c>.</param>
/// <param name="Code">The function key the caller used, appended as <c>?code=</c> to management URLs; null when none.</param>
public sealed record ApiCallContext(string BaseUrl, string? Code = null)
{
    /// <summary>Gets the Durable management links of an instance, when the host has its own (the Functions app: Durable Functions' URLs with the system key).</summary>
    /// <remarks>When null, the links point at the local host's management API under <see cref="BaseUrl"/> with the caller's key, which that host accepts there.</remarks>
    public Func<string, ManagementPayload>? ManagementLinks { get; init; }

    /// <summary>The management links of <paramref name="instanceId"/>.</summary>
    public ManagementPayload Links(string instanceId) => ManagementLinks?.Invoke(instanceId) ?? ManagementPayload.For(instanceId, this);

    /// <summary>Makes an absolute URL from an absolute path.</summary>
    public string Url(string path, bool withCode = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        var url = BaseUrl.TrimEnd('/') + path;
        return withCode && !string.IsNullOrEmpty(Code)
            ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(Code)
            : url;
    }
}

/// <summary>The Durable-style management payload returned when a claim starts (Durable Functions field names).</summary>
public sealed record ManagementPayload(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri)
{
    /// <summary>Builds the payload as Functions' CreateHttpManagementPayload does, with its <c>{eventName}</c>/<c>{text}</c> placeholders.</summary>
    public static ManagementPayload For(string instanceId, ApiCallContext call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string Path(string template) => ApiRoutes.InstancePath(template, instanceId);
        return new ManagementPayload(
            instanceId,
            call.Url(Path(ApiRoutes.Instance)),
            call.Url(Path(ApiRoutes.Instance) + "/raiseEvent/{eventName}"),
            call.Url(Path(ApiRoutes.Terminate) + "?reason={text}"),
            call.Url(Path(ApiRoutes.Instance)),
            call.Url(Path(ApiRoutes.Suspend) + "?reason={text}"),
            call.Url(Path(ApiRoutes.Resume) + "?reason={text}"));
    }
}

/// <summary>The claim status object of <c>GET /api/claims/{claimId}</c> (issue 4's field list).</summary>
public sealed record ClaimStatusView
{
    public required string ClaimId { get; init; }

    /// <summary>Gets running, paused, approved, denied, stalled, timeout or error.</summary>
    public required string Status { get; init; }

    public string? Reason { get; init; }

    /// <summary>Gets the Durable runtime status (Running, Completed, ...), or null once the instance was purged.</summary>
    public string? RuntimeStatus { get; init; }

    public string? Phase { get; init; }

    public IReadOnlyList<string> MissingDocuments { get; init; } = [];

    public IReadOnlyList<string> ReceivedDocuments { get; init; } = [];

    public double? RiskScore { get; init; }

    public int Rounds { get; init; }

    /// <summary>Gets how many reminders the customer got during the current wait (on the timer or sent by an adjuster).</summary>
    public int Reminders { get; init; }

    public DateTimeOffset CreatedTime { get; init; }

    public DateTimeOffset LastUpdatedTime { get; init; }

    public ClaimDecision? Decision { get; init; }

    /// <summary>Gets the reason as a sentence for people: what happened or what the claim waits for (an error names the failing step and message).</summary>
    public string? Detail { get; init; }

    /// <summary>Gets when a waiting claim times out if nothing arrives (documents or the adjuster's decision), or closes by itself when it waits for an adjuster's next step; null otherwise.</summary>
    public DateTimeOffset? Deadline { get; init; }

    /// <summary>Gets what the claim waits for: <c>documents</c>, <c>review</c>, <c>adjuster</c> (stalled or timed out) or <c>retry</c> (error); null otherwise.</summary>
    public string? Awaiting { get; init; }

    /// <summary>Gets the adjuster's actions the claim takes now (<c>decide</c>, <c>reopen</c>, <c>retry</c>, <c>close</c>); empty when none.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Gets where the customer uploads documents while the claim waits for them (SAS URL or the documents route).</summary>
    public string? UploadUrl { get; init; }

    /// <summary>Gets the claim as submitted (claimant, policy, type, incident date, amount, description); null when unreadable.</summary>
    public ClaimFactsView? Claim { get; init; }

    /// <summary>Gets the agents' recommendation (<c>approve</c>/<c>deny</c>) while the claim waits for review.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Gets the agents' findings behind the risk score (single-claim reads only; empty in lists).</summary>
    public IReadOnlyList<string> RiskFactors { get; init; } = [];

    /// <summary>Gets the stored documents with a link that opens each (single-claim reads only; empty in lists).</summary>
    public IReadOnlyList<ClaimDocumentView> Documents { get; init; } = [];
}

/// <summary>The facts of a claim as submitted, for the list and the claim page.</summary>
public sealed record ClaimFactsView(
    string PolicyNumber, string ClaimType, DateOnly IncidentDate, decimal Amount, string Currency, string ClaimantName, string ClaimantEmail, string Description)
{
    /// <summary>Takes the facts of a submission.</summary>
    public static ClaimFactsView? From(ClaimSubmission? claim)
        => claim is null ? null : new ClaimFactsView(
            claim.PolicyNumber, claim.ClaimType, claim.IncidentDate, claim.Amount, claim.Currency, claim.Claimant.Name, claim.Claimant.Email, claim.Description);
}

/// <summary>A stored document of a claim: type, name, size, media type, when it was stored and the route that opens it.</summary>
public sealed record ClaimDocumentView(string Type, string Filename, long Size, string MediaType, DateTimeOffset ReceivedAt, string Url);

/// <summary>A saved view of the claims list and how many claims it holds now.</summary>
/// <param name="Name">The value of the list's <c>view</c> parameter.</param>
/// <param name="Title">The view's name for people.</param>
/// <param name="Count">How many claims are in it.</param>
public sealed record ClaimViewCount(string Name, string Title, int Count);

/// <summary>The saved views with their counts (<c>GET /api/claim-views</c>).</summary>
public sealed record ClaimViewCounts(int Total, IReadOnlyList<ClaimViewCount> Views);

/// <summary>A stored document opened for reading.</summary>
public sealed record DocumentContent(Stream Content, string MediaType, string Filename, long Size);

/// <summary>A document handed to the API: type, file name and optional content.</summary>
public sealed record DocumentUpload(string? Type, string? Filename, byte[]? Content);

/// <summary>The body of <c>POST /api/claims/{claimId}/documents</c> as JSON.</summary>
public sealed record DocumentsRequest(IReadOnlyList<DocumentItem>? Documents);

/// <summary>One document in a JSON documents request; content is optional base64.</summary>
public sealed record DocumentItem(string? Type, string? Filename, string? ContentBase64);

/// <summary>What a documents submission did.</summary>
public sealed record DocumentsAccepted(string ClaimId, IReadOnlyList<ReceivedDocument> Documents, string StatusUri);

/// <summary>The body of <c>POST /api/claims/{claimId}/review</c>: approve or deny, by whom, why, and for approvals an amount.</summary>
public sealed record ReviewRequest(string? Decision, string? Adjuster, string? Notes, decimal? Amount = null);

/// <summary>The body of the re-open, retry and close routes; <see cref="Documents"/> only for re-open.</summary>
public sealed record AdjusterActionRequest(string? Adjuster, string? Notes, IReadOnlyList<string>? Documents = null);

/// <summary>What an adjuster's action did: the event was raised; the claim's status shows the result.</summary>
public sealed record AdjusterActionAccepted(string ClaimId, string Action, string Adjuster);

/// <summary>The body of <c>POST /api/claims/{claimId}/notes</c>.</summary>
public sealed record NoteRequest(string? Author, string? Text);

/// <summary>What archiving did: <see cref="Moved"/> is false when the session was already in the archive.</summary>
public sealed record ClaimArchived(string ClaimId, bool Moved);

/// <summary>A claims list query as received (strings before validation).</summary>
/// <param name="Status">Claim statuses, comma-separated.</param>
/// <param name="CreatedFrom">Inclusive lower bound on creation time (ISO 8601).</param>
/// <param name="CreatedTo">Inclusive upper bound on creation time (ISO 8601).</param>
/// <param name="Top">Page size.</param>
/// <param name="ContinuationToken">Token of the page to read.</param>
/// <param name="ClaimIdPrefix">Only claims whose id starts with this.</param>
/// <param name="ClaimType">Only claims of this type (case-insensitive).</param>
/// <param name="Claimant">Only claims whose claimant's name or email contains this text (case-insensitive).</param>
/// <param name="Sort">The sort key, <c>-</c> first for descending (default <c>-created</c>: newest first).</param>
/// <param name="View">Only the claims of one saved view (<see cref="ClaimListViews"/>).</param>
public sealed record ClaimListRequest(
    string? Status, string? CreatedFrom, string? CreatedTo, string? Top, string? ContinuationToken, string? ClaimIdPrefix = null,
    string? ClaimType = null, string? Claimant = null, string? Sort = null, string? View = null);

/// <summary>One page of claims.</summary>
/// <param name="Claims">The claims of the page.</param>
/// <param name="ContinuationToken">The token of the next page, or null.</param>
/// <param name="TotalCount">How many claims match the query over all pages; null when unknown.</param>
public sealed record ClaimListPage(IReadOnlyList<ClaimStatusView> Claims, string? ContinuationToken, int? TotalCount = null);

/// <summary>One chat message of a claim's history.</summary>
public sealed record HistoryMessageView(string Id, string Author, string Role, string Content, DateTimeOffset Timestamp);

/// <summary>The decision package of a decided claim.</summary>
public sealed record DecisionPackageView(string ClaimId, string Status, string? Reason, ClaimDecision? Decision, string? PackageFileName, string? PackageMarkdown);

/// <summary>What deleting a claim removed.</summary>
public sealed record ClaimDeleted(string ClaimId, bool Terminated, int InstancesDeleted, bool SessionDeleted, int DocumentsDeleted);

/// <summary>What a retention clean-up removed.</summary>
/// <param name="OlderThan">The cut-off: finished claims older than it were removed.</param>
/// <param name="SessionsRemoved">Sessions deleted from the session store (live and archive areas).</param>
/// <param name="InstancesPurged">Finished orchestration instances purged from the task hub.</param>
public sealed record RetentionResult(DateTimeOffset OlderThan, int SessionsRemoved, int InstancesPurged);

/// <summary>Body of the health probe of both hosts.</summary>
/// <param name="Status">Always "Healthy" when the host answers.</param>
/// <param name="Version">The host's assembly version.</param>
public sealed record HealthReport(string Status, string Version);

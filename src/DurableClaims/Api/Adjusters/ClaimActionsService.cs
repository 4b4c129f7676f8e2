using DurableClaims.Api.Runtime;
using DurableClaims.Contracts;
using DurableClaims.Policies;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Api.Adjusters;

/// <summary>What an adjuster does with a claim, without HTTP: review, decide by hand, re-open, retry, close, add notes, archive.</summary>
/// <remarks>Each action is checked against what the claim waits for (its custom status) before an event is raised, so a wrong action gets a clear 409 instead of being ignored by the workflow.</remarks>
public sealed partial class ClaimActionsService(
    IClaimsRuntimeClient runtime, ISessionStore sessions, PolicyCatalog catalog, TimeProvider time, ILogger<ClaimActionsService> logger)
{
    /// <summary>The longest note or reason kept.</summary>
    public const int MaxNoteLength = 4000;

    /// <summary>Approves or denies a claim that waits for review or for an adjuster (stalled, timed out, in error).</summary>
    public Task<ApiResult<AdjusterActionAccepted>> ReviewAsync(string claimId, ReviewRequest request, CancellationToken cancellationToken = default)
        => ReviewAsync(claimId, request, null, cancellationToken);

    /// <summary>Approves or denies a claim as <paramref name="user"/> when a host authenticated one (the body's adjuster is then ignored).</summary>
    public async Task<ApiResult<AdjusterActionAccepted>> ReviewAsync(string claimId, ReviewRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var adjuster = Actor(claimId, request.Adjuster, user);
        var errors = Check(adjuster, request.Notes);
        if (!AdjusterDecisions.IsValid(request.Decision))
        {
            errors["decision"] = [$"Must be '{AdjusterDecisions.Approve}' or '{AdjusterDecisions.Deny}'."];
        }

        if (request.Amount is { } amount && (amount <= 0 || !string.Equals(request.Decision, AdjusterDecisions.Approve, StringComparison.OrdinalIgnoreCase)))
        {
            errors["amount"] = ["Only an approval takes an amount, and it must be positive."];
        }

        if (errors.Count > 0)
        {
            return ApiResult.Invalid<AdjusterActionAccepted>(errors);
        }

        var decision = new AdjusterDecision(request.Decision!.ToLowerInvariant(), adjuster!, Trim(request.Notes), request.Amount, user is not null);
        var waiting = await WaitingAsync(claimId, cancellationToken);
        if (waiting.Problem is { } problem)
        {
            return problem.Cast<AdjusterActionAccepted>();
        }

        // A review pause waits for its own event; a claim that needs an adjuster takes every action on one event.
        return waiting.Awaiting == ClaimAwaiting.Review
            ? await RaiseAsync(claimId, ClaimWorkflow.Events.AdjusterDecision, decision, AdjusterActions.Decide, decision.Adjuster, cancellationToken)
            : await ActAsync(claimId, waiting, new AdjusterAction(AdjusterActions.Decide, decision.Adjuster, decision.Notes, decision, Authenticated: user is not null), cancellationToken);
    }

    /// <summary>Asks the customer again for documents (the claim's missing ones, or those named) with a new deadline and round budget.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> ReopenAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken = default)
        => ReopenAsync(claimId, request, null, cancellationToken);

    /// <summary>Re-opens a claim as <paramref name="user"/> when a host authenticated one.</summary>
    public async Task<ApiResult<AdjusterActionAccepted>> ReopenAsync(string claimId, AdjusterActionRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var adjuster = Actor(claimId, request.Adjuster, user);
        var errors = Check(adjuster, request.Notes);
        var unknown = (request.Documents ?? []).Where(d => string.IsNullOrWhiteSpace(d) || !catalog.IsKnownDocumentType(d.Trim())).ToList();
        if (unknown.Count > 0)
        {
            errors["documents"] = [$"Unknown document type(s): {string.Join(", ", unknown.Select(d => $"'{d}'"))}."];
        }

        return errors.Count > 0
            ? ApiResult.Invalid<AdjusterActionAccepted>(errors)
            : await ActAsync(claimId, null, new AdjusterAction(AdjusterActions.Reopen, adjuster!, Trim(request.Notes), null, request.Documents?.Select(d => d.Trim()).Distinct(StringComparer.Ordinal).ToList(), user is not null), cancellationToken);
    }

    /// <summary>Runs the failed step of a claim in error again.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> RetryAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken = default)
        => SimpleAsync(claimId, AdjusterActions.Retry, request, null, cancellationToken);

    /// <summary>Retries a claim's failed step as <paramref name="user"/> when a host authenticated one.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> RetryAsync(string claimId, AdjusterActionRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
        => SimpleAsync(claimId, AdjusterActions.Retry, request, user, cancellationToken);

    /// <summary>Closes a claim that needs an adjuster with the status it has.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> CloseAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken = default)
        => SimpleAsync(claimId, AdjusterActions.Close, request, null, cancellationToken);

    /// <summary>Closes a claim as <paramref name="user"/> when a host authenticated one.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> CloseAsync(string claimId, AdjusterActionRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
        => SimpleAsync(claimId, AdjusterActions.Close, request, user, cancellationToken);

    /// <summary>Sends the customer of a claim waiting for documents a reminder now (claims started on workflow version 2 or later).</summary>
    public Task<ApiResult<AdjusterActionAccepted>> RemindAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken = default)
        => SimpleAsync(claimId, AdjusterActions.Remind, request, null, cancellationToken);

    /// <summary>Sends a reminder as <paramref name="user"/> when a host authenticated one.</summary>
    public Task<ApiResult<AdjusterActionAccepted>> RemindAsync(string claimId, AdjusterActionRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
        => SimpleAsync(claimId, AdjusterActions.Remind, request, user, cancellationToken);

    private async Task<ApiResult<AdjusterActionAccepted>> SimpleAsync(
        string claimId, string action, AdjusterActionRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var adjuster = Actor(claimId, request.Adjuster, user);
        var errors = Check(adjuster, request.Notes);
        return errors.Count > 0
            ? ApiResult.Invalid<AdjusterActionAccepted>(errors)
            : await ActAsync(claimId, null, new AdjusterAction(action, adjuster!, Trim(request.Notes), Authenticated: user is not null), cancellationToken);
    }

    /// <summary>Who acts: the authenticated user when there is one (whatever the body says), else the body's name, trimmed.</summary>
    /// <remarks>The body's name is free text anyone can type; an authenticated name is what the host verified, so it wins.</remarks>
    private string? Actor(string claimId, string? named, AuthenticatedUser? user)
    {
        if (user is null)
        {
            return string.IsNullOrWhiteSpace(named) ? null : named.Trim();
        }

        var typed = named?.Trim();
        if (!string.IsNullOrEmpty(typed) && !string.Equals(typed, user.Name, StringComparison.Ordinal))
        {
            Log.NameReplaced(logger, typed, user.Name, user.Method, claimId);
        }

        return user.Name;
    }

    private async Task<ApiResult<AdjusterActionAccepted>> ActAsync(string claimId, Waiting? known, AdjusterAction action, CancellationToken cancellationToken)
    {
        var waiting = known ?? await WaitingAsync(claimId, cancellationToken);
        if (waiting.Problem is { } problem)
        {
            return problem.Cast<AdjusterActionAccepted>();
        }

        var allowed = waiting.Actions;
        if (!allowed.Contains(action.Action))
        {
            var next = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
            var why = action.Action == AdjusterActions.Remind && waiting.Awaiting == ClaimAwaiting.Documents
                ? " The claim started on workflow version 1, which sends reminders on its timer only."
                : string.Empty;
            return ApiResult.Conflict<AdjusterActionAccepted>(
                $"Claim '{claimId}' cannot be {Past(action.Action)} now (it waits for {waiting.Awaiting ?? "nothing"}; actions it takes: {next}).{why}",
                new Dictionary<string, object?> { ["actions"] = allowed });
        }

        return await RaiseAsync(claimId, ClaimWorkflow.Events.AdjusterAction, action, action.Action, action.Adjuster, cancellationToken);
    }

    private async Task<ApiResult<AdjusterActionAccepted>> RaiseAsync(string claimId, string eventName, object payload, string action, string adjuster, CancellationToken cancellationToken)
    {
        if (await runtime.RaiseEventAsync(claimId, eventName, payload, cancellationToken) != RuntimeOutcome.Done)
        {
            return ApiResult.Conflict<AdjusterActionAccepted>($"Claim '{claimId}' closed before the {action} arrived.");
        }

        Log.ActionTaken(logger, adjuster, action, claimId);
        return ApiResult.Accepted(new AdjusterActionAccepted(claimId, action, adjuster), ApiRoutes.AppPath(ApiRoutes.Claim, claimId));
    }

    /// <summary>What the claim's running instance waits for (null while it works) and the actions it takes; 404 for an unknown claim, 409 once it closed.</summary>
    private async Task<Waiting> WaitingAsync(string claimId, CancellationToken cancellationToken)
    {
        var instance = ClaimIds.IsValid(claimId) ? await runtime.GetAsync(claimId, true, cancellationToken) : null;
        if (instance is null)
        {
            return new(null, [], ApiResult.NotFound<string>($"No claim with id '{claimId}' exists."));
        }

        if (instance.IsCompleted)
        {
            var status = ClaimStatusMapper.FromInstance(instance).Status;
            return new(null, [], ApiResult.Conflict<string>($"Claim '{claimId}' is closed ({status}); nothing can change it any more. Add a note to record something."));
        }

        var progress = ClaimStatusMapper.ReadProgress(instance);
        return new(progress?.Awaiting, progress?.Actions ?? AdjusterActions.For(progress?.Awaiting), null);
    }

    /// <summary>What a running claim waits for and the actions it takes now (its workflow version publishes them), or why it takes none.</summary>
    private sealed record Waiting(string? Awaiting, IReadOnlyList<string> Actions, ApiResult<string>? Problem);

    private static Dictionary<string, string[]> Check(string? adjuster, string? notes)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(adjuster))
        {
            errors["adjuster"] = ["Required: who acts."];
        }
        else if (adjuster.Trim().Length > 200)
        {
            errors["adjuster"] = ["At most 200 characters."];
        }

        if (notes?.Length > MaxNoteLength)
        {
            errors["notes"] = [$"At most {MaxNoteLength} characters."];
        }

        return errors;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Past(string action) => action switch
    {
        AdjusterActions.Decide => "decided",
        AdjusterActions.Reopen => "re-opened",
        AdjusterActions.Retry => "retried",
        AdjusterActions.Remind => "reminded",
        _ => "closed",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Adjuster {Adjuster} took the action {Action} on claim {ClaimId}")]
        public static partial void ActionTaken(ILogger logger, string adjuster, string action, string claimId);

        [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "{Author} added a note to claim {ClaimId}")]
        public static partial void NoteAdded(ILogger logger, string author, string claimId);

        [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Claim {ClaimId} archived")]
        public static partial void Archived(ILogger logger, string claimId);

        [LoggerMessage(EventId = 4108, Level = LogLevel.Information,
            Message = "The body named {Named} on claim {ClaimId}; the authenticated user {User} ({Method}) is recorded instead")]
        public static partial void NameReplaced(ILogger logger, string named, string user, string method, string claimId);
    }
}

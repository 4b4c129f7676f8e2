using System.Text.Json;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Workflow;

/// <summary>Applies a <see cref="SessionUpdate"/> to the session store: metadata (with pause accounting), context, messages and the event.</summary>
/// <remarks>Safe to repeat: message and event ids derive from the step key, and ETag conflicts reload and retry.</remarks>
public sealed partial class SessionRecorder
{
    private const int Attempts = 5;
    private readonly ISessionStore _store;
    private readonly ClaimsOptions _options;
    private readonly ILogger<SessionRecorder> _logger;

    /// <summary>Creates the recorder.</summary>
    public SessionRecorder(ISessionStore store, IOptions<ClaimsOptions> options, ILogger<SessionRecorder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Gets whether sessions are persisted (SESSION_PERSISTENCE_ENABLED).</summary>
    public bool Enabled => _options.PersistSessions;

    /// <summary>Returns the deterministic id of message <paramref name="index"/> of a step.</summary>
    public static string MessageId(string claimId, string stepKey, int index)
        => FormattableString.Invariant($"{claimId}:{stepKey}:{index:D2}");

    /// <summary>Returns the result recorded with step <paramref name="stepKey"/>, or null when that step has not been recorded.</summary>
    public async Task<T?> LoadStepResultAsync<T>(string claimId, string stepKey, CancellationToken cancellationToken = default)
        where T : class
    {
        if (!Enabled)
        {
            return null;
        }

        var step = (await _store.LoadStateAsync(claimId, cancellationToken))?.Context?.LastStep;
        return step is not null && step.Key == stepKey ? step.Result.Deserialize<T>(ClaimsJson.Options) : null;
    }

    /// <summary>Records the update; <paramref name="claim"/> creates the context of a new session, <paramref name="finish"/> adds decision fields.</summary>
    public async Task RecordAsync(
        SessionUpdate update,
        ClaimSubmission? claim = null,
        Func<SessionContext, SessionContext>? finish = null,
        IReadOnlyList<ClaimLifecycleEvent>? extraEvents = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (!Enabled)
        {
            return;
        }

        var messages = update.Messages
            .Select((m, i) => new SessionMessage(MessageId(update.ClaimId, update.StepKey, i), m.Author, m.Role, m.Content, update.At))
            .ToList();
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await _store.LoadStateAsync(update.ClaimId, cancellationToken);
            if (snapshot?.Metadata.Archived == true)
            {
                // A re-run after the claim was archived: everything was recorded before the archive.
                return;
            }

            if (snapshot is null && claim is null)
            {
                // Only intake creates a session. A later step that finds none belongs to a claim that
                // was deleted while this activity ran; writing would resurrect it as an orphan.
                LogNoSession(_logger, update.ClaimId, update.StepKey);
                return;
            }

            try
            {
                await _store.SaveAsync(Metadata(update, snapshot?.Metadata, claim), Context(update, snapshot?.Context, claim, finish), messages, snapshot?.ETag, cancellationToken);
                break;
            }
            catch (SessionConcurrencyException) when (attempt < Attempts)
            {
                LogConflict(_logger, update.ClaimId, attempt);
            }
        }

        IReadOnlyList<ClaimLifecycleEvent> events = [.. update.Event is null ? [] : new[] { update.Event }, .. extraEvents ?? []];
        await _store.AppendEventsAsync(events, cancellationToken);
    }

    private static SessionMetadata Metadata(SessionUpdate update, SessionMetadata? previous, ClaimSubmission? claim)
    {
        var state = update.State;
        var wasPaused = previous?.Status == ClaimStatusCodes.Paused;
        var isPaused = state.Status == ClaimStatusCodes.Paused;
        var pausedSeconds = previous?.PausedSeconds ?? 0;
        DateTimeOffset? pausedAt = previous?.PausedAt;
        var pauses = previous?.Pauses ?? 0;
        if (isPaused && !wasPaused)
        {
            pausedAt = update.At;
            pauses++;
        }
        else if (!isPaused && wasPaused)
        {
            pausedSeconds += Math.Max(0, (update.At - (pausedAt ?? update.At)).TotalSeconds);
            pausedAt = null;
        }

        return new SessionMetadata
        {
            ClaimId = update.ClaimId,
            Status = state.Status,
            Phase = state.Phase,
            Reason = state.Reason,
            PolicyNumber = claim?.PolicyNumber ?? previous?.PolicyNumber,
            ClaimType = claim?.ClaimType ?? previous?.ClaimType,
            Amount = claim?.Amount ?? previous?.Amount,
            Currency = claim?.Currency ?? previous?.Currency,
            CreatedAt = previous?.CreatedAt ?? update.At,
            UpdatedAt = update.At,
            CompletedAt = state.IsClosed ? update.At : null,
            Rounds = state.Rounds,
            PausedAt = pausedAt,
            PausedSeconds = pausedSeconds,
            Pauses = pauses,
        };
    }

    private static SessionContext? Context(
        SessionUpdate update, SessionContext? previous, ClaimSubmission? claim, Func<SessionContext, SessionContext>? finish)
    {
        var state = update.State;
        var baseline = previous ?? (claim is null ? null : new SessionContext { Claim = claim, Phase = state.Phase });
        if (baseline is null)
        {
            return null;
        }

        var context = baseline with
        {
            Phase = state.Phase,
            RiskScore = state.RiskScore ?? baseline.RiskScore,
            RequiredDocuments = state.Required.Count > 0 ? state.Required : baseline.RequiredDocuments,
            MissingDocuments = state.Missing,
            ReceivedDocuments = state.Received,
            Findings = state.Findings.Count > 0 ? state.Findings : baseline.Findings,
            Awaiting = state.Awaiting,
            DocumentDeadline = state.Deadline,
        };
        return finish is null ? context : finish(context);
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Claim {ClaimId} has no session (deleted?); step {StepKey} is not recorded")]
    private static partial void LogNoSession(ILogger logger, string claimId, string stepKey);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Session {ClaimId} changed while saving (attempt {Attempt}); reloading")]
    private static partial void LogConflict(ILogger logger, string claimId, int attempt);
}

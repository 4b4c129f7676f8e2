using DurableClaims.Contracts;

namespace DurableClaims.Domain;

/// <summary>One claim's state as the workflow holds it: every change goes through a named transition that guards its own rule.</summary>
/// <remarks>
/// The orchestrator keeps one instance and replaces it on each step (replay rebuilds it the same way); the custom
/// status clients read (<see cref="ToProgress"/>) and the session files are projections of it.
/// </remarks>
public sealed record ClaimState
{
    public required string ClaimId { get; init; }

    public string Status { get; init; } = ClaimStatusCodes.Running;

    public string Phase { get; init; } = ClaimPhases.Intake;

    public string? Reason { get; init; }

    /// <summary>Gets what the claim waits for (see <see cref="ClaimAwaiting"/>), or null while it works.</summary>
    public string? Awaiting { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public int Reminders { get; init; }

    public int Rounds { get; init; }

    /// <summary>Gets the round after which an undecided claim times out; a re-open extends it.</summary>
    public int RoundLimit { get; init; }

    /// <summary>Gets how many rounds in a row found nothing new.</summary>
    public int RoundsWithoutProgress { get; init; }

    public double? RiskScore { get; init; }

    public string? Recommendation { get; init; }

    public string? ModelVersion { get; init; }

    public IReadOnlyList<string> AgentReasons { get; init; } = [];

    public IReadOnlyList<string> Required { get; init; } = [];

    public IReadOnlyList<ReceivedDocument> Received { get; init; } = [];

    public IReadOnlyList<string> Missing { get; init; } = [];

    public IReadOnlyList<string> Findings { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Gets why each document beyond the claim type's list was asked for.</summary>
    public IReadOnlyDictionary<string, string> RequestReasons { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the failing step and its message while a claim is in error.</summary>
    public string? Error { get; init; }

    /// <summary>Gets whether the claim has ended for good (its outcome is final).</summary>
    public bool IsClosed => Phase == ClaimPhases.Completed;

    /// <summary>Gets the received document types, each once.</summary>
    public IReadOnlyList<string> ReceivedTypes => Received.Select(d => d.Type).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A new claim in intake with <paramref name="roundLimit"/> analysis rounds.</summary>
    public static ClaimState Start(string claimId, int roundLimit)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimId);
        ArgumentOutOfRangeException.ThrowIfLessThan(roundLimit, 1);
        return new ClaimState { ClaimId = claimId, RoundLimit = roundLimit };
    }

    /// <summary>Intake: what the claim type needs and what was stored with the claim; the rest is missing.</summary>
    public ClaimState Intake(IReadOnlyList<string> required, IReadOnlyList<ReceivedDocument> received)
    {
        EnsureOpen();
        var types = received.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
        return this with { Required = [.. required], Received = [.. received], Missing = required.Where(r => !types.Contains(r)).ToList() };
    }

    /// <summary>Adds the stored documents not already on file; returns them as well (none for a duplicate delivery).</summary>
    /// <remarks>Only stored documents count: every way in stores the content first and sends its location.</remarks>
    public (ClaimState State, IReadOnlyList<ReceivedDocument> Added) Receive(IEnumerable<ReceivedDocument?> documents)
    {
        EnsureOpen();
        var received = Received.ToList();
        var missing = Missing.ToList();
        var added = new List<ReceivedDocument>();
        foreach (var document in documents)
        {
            if (document is null || string.IsNullOrEmpty(document.Location)
                || !ClaimIds.IsSafeSegment(document.Type) || !ClaimIds.IsSafeSegment(document.Filename)
                || received.Any(r => r.Type == document.Type && r.Filename == document.Filename))
            {
                continue;
            }

            received.Add(document);
            missing.Remove(document.Type);
            added.Add(document);
        }

        return (this with { Received = received, Missing = missing }, added);
    }

    /// <summary>Starts the next analysis round; false when the round limit is used up.</summary>
    public bool CanAnalyse => Rounds < RoundLimit;

    /// <summary>Starts an analysis round.</summary>
    public ClaimState BeginRound()
    {
        EnsureOpen();
        if (!CanAnalyse)
        {
            throw new InvalidOperationException($"Claim {ClaimId} has used its {RoundLimit} analysis rounds.");
        }

        return Working(ClaimPhases.Analysis) with { Rounds = Rounds + 1 };
    }

    /// <summary>Takes a round's conclusions: new findings, evidence, risk, documents the analysts ask for, and any recommendation.</summary>
    public ClaimState ApplyRound(RoundConclusion round)
    {
        ArgumentNullException.ThrowIfNull(round);
        EnsureOpen();
        var requests = new Dictionary<string, string>(RequestReasons, StringComparer.Ordinal);
        var required = Required.ToList();
        var missing = Missing.ToList();
        foreach (var request in round.AdditionalDocuments)
        {
            required.Add(request.Type);
            missing.Add(request.Type);
            requests[request.Type] = request.Reason;
        }

        return this with
        {
            Findings = [.. Findings, .. round.NewFindings],
            Evidence = [.. Evidence, .. round.Evidence.Where(e => !Evidence.Contains(e))],
            RiskScore = round.RiskScore,
            ModelVersion = round.ModelVersion ?? ModelVersion,
            Required = required,
            Missing = missing,
            RequestReasons = requests,
            Recommendation = round.AdditionalDocuments.Count == 0 && round.Recommendation is not null ? round.Recommendation : Recommendation,
            AgentReasons = round.AdditionalDocuments.Count == 0 && round.Recommendation is not null ? round.Reasons : AgentReasons,
            RoundsWithoutProgress = round.Progress ? 0 : RoundsWithoutProgress + 1,
        };
    }

    /// <summary>Pauses for documents or a review until <paramref name="deadline"/>.</summary>
    public ClaimState Pause(string awaiting, string reason, string phase, DateTimeOffset deadline)
    {
        EnsureOpen();
        return this with { Status = ClaimStatusCodes.Paused, Awaiting = awaiting, Reason = reason, Phase = phase, Deadline = deadline, Reminders = 0 };
    }

    /// <summary>Counts a reminder sent during the current wait.</summary>
    public ClaimState Remind()
    {
        EnsureWaiting();
        return this with { Reminders = Reminders + 1 };
    }

    /// <summary>Goes back to work in <paramref name="phase"/> (documents arrived, an adjuster decided, a retry).</summary>
    public ClaimState Working(string phase)
    {
        EnsureOpen();
        return this with { Status = ClaimStatusCodes.Running, Phase = phase, Awaiting = null, Reason = null, Deadline = null, Reminders = 0, Error = null };
    }

    /// <summary>The claim has its terminal status (stalled, timeout, error) but stays open for an adjuster until <paramref name="closesAt"/>.</summary>
    public ClaimState NeedAdjuster(string status, string reason, DateTimeOffset closesAt, string? error = null)
    {
        EnsureOpen();
        if (status is not (ClaimStatusCodes.Stalled or ClaimStatusCodes.Timeout or ClaimStatusCodes.Error))
        {
            throw new ArgumentException($"Only stalled, timed-out and errored claims wait for an adjuster, not '{status}'.", nameof(status));
        }

        var awaiting = status == ClaimStatusCodes.Error && error is not null ? ClaimAwaiting.Retry : ClaimAwaiting.Adjuster;
        return this with { Status = status, Reason = reason, Awaiting = awaiting, Phase = ClaimPhases.Review, Deadline = closesAt, Reminders = 0, Error = error };
    }

    /// <summary>An adjuster re-opens a stalled or timed-out claim: the documents are asked for again and the analysis gets a fresh round budget.</summary>
    public ClaimState Reopen(IReadOnlyList<string> documents, string note, int rounds)
    {
        if (Awaiting != ClaimAwaiting.Adjuster)
        {
            throw new InvalidOperationException($"Claim {ClaimId} is not waiting for an adjuster (it is {Status}).");
        }

        var required = Required.ToList();
        var missing = Missing.ToList();
        var requests = new Dictionary<string, string>(RequestReasons, StringComparer.Ordinal);
        foreach (var type in documents.Distinct(StringComparer.Ordinal))
        {
            if (!required.Contains(type, StringComparer.Ordinal))
            {
                required.Add(type);
            }

            if (!missing.Contains(type, StringComparer.Ordinal))
            {
                missing.Add(type);
            }

            requests[type] = note;
        }

        return Working(missing.Count > 0 ? ClaimPhases.Documents : ClaimPhases.Analysis) with
        {
            Required = required,
            Missing = missing,
            RequestReasons = requests,
            RoundLimit = Rounds + rounds,
            RoundsWithoutProgress = 0,
            Recommendation = null,
            AgentReasons = [],
        };
    }

    /// <summary>The claim ends with <paramref name="outcome"/>.</summary>
    public ClaimState Complete(ClaimOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        EnsureOpen();
        return this with
        {
            Status = outcome.Status, Reason = outcome.Reason, Phase = ClaimPhases.Completed, Awaiting = null, Deadline = null, Error = outcome.ErrorMessage,
            RiskScore = outcome.RiskScore ?? RiskScore,
        };
    }

    /// <summary>The custom status clients see.</summary>
    public ClaimProgress ToProgress() => new()
    {
        Status = Status,
        Phase = Phase,
        Reason = Reason,
        MissingDocuments = Missing.ToList(),
        ReceivedDocuments = ReceivedTypes,
        RiskScore = RiskScore,
        Rounds = Rounds,
        Awaiting = Awaiting,
        DocumentDeadline = Deadline,
        Reminders = Reminders,
        Recommendation = Awaiting == ClaimAwaiting.Review ? Recommendation : null,
        Error = Awaiting == ClaimAwaiting.Retry ? Error : null,
        Cause = Awaiting == ClaimAwaiting.Adjuster && Status == ClaimStatusCodes.Stalled ? StallCause() : null,
    };

    /// <summary>The finding an adjuster should read first: the latest conflict, else the latest finding.</summary>
    private string? StallCause()
        => Findings.LastOrDefault(f => f.StartsWith("Conflict", StringComparison.OrdinalIgnoreCase)) ?? (Findings.Count > 0 ? Findings[^1] : null);

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new InvalidOperationException($"Claim {ClaimId} is closed ({Status}).");
        }
    }

    private void EnsureWaiting()
    {
        if (Awaiting is null)
        {
            throw new InvalidOperationException($"Claim {ClaimId} is not waiting.");
        }
    }
}

/// <summary>What one analysis round concluded, as <see cref="ClaimState.ApplyRound"/> takes it (the workflow's round result derives from it).</summary>
public record RoundConclusion
{
    /// <summary>Gets the findings not seen in earlier rounds.</summary>
    public IReadOnlyList<string> NewFindings { get; init; } = [];

    public double RiskScore { get; init; }

    /// <summary>Gets <c>approve</c>, <c>deny</c> or null while undecided.</summary>
    public string? Recommendation { get; init; }

    public IReadOnlyList<DocumentRequest> AdditionalDocuments { get; init; } = [];

    public IReadOnlyList<string> Reasons { get; init; } = [];

    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];

    /// <summary>Gets the model and prompt version the round ran on (e.g. <c>offline-rules/1</c>, <c>gpt-4o/prompts-v1</c>).</summary>
    public string? ModelVersion { get; init; }

    /// <summary>Gets whether the round moved the claim forward (new findings, documents or a recommendation).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Progress => NewFindings.Count > 0 || Recommendation is not null || AdditionalDocuments.Count > 0;
}

using System.Text.Json;
using DurableClaims.Agents;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow.Activities;

/// <summary>Phase 2: one analysis round of the documents, risk, coverage and decision agents.</summary>
public sealed class RunAnalysisRoundActivity : TaskActivity<RoundRequest, RoundResult>
{
    private readonly ClaimTeam _team;
    private readonly PolicyCatalog _catalog;
    private readonly DocumentReader _reader;
    private readonly SessionRecorder _recorder;

    /// <summary>Creates the activity.</summary>
    public RunAnalysisRoundActivity(ClaimTeam team, PolicyCatalog catalog, DocumentReader reader, SessionRecorder recorder)
        => (_team, _catalog, _reader, _recorder) = (team, catalog, reader, recorder);

    public override async Task<RoundResult> RunAsync(TaskActivityContext context, RoundRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claim = input.Claim;
        var state = input.State;
        var stepKey = FormattableString.Invariant($"round-{state.Rounds:D3}");

        // A re-run (retry after a crash) returns the recorded round: the decision must follow the transcript on file.
        if (await _recorder.LoadStepResultAsync<RoundResult>(claim.ClaimId, stepKey) is { } recorded)
        {
            return recorded;
        }

        var caseFile = new CaseFile
        {
            Claim = claim,
            SubmittedAt = input.SubmittedAt,
            Round = state.Rounds,
            RequiredDocuments = state.Required,
            Documents = await _reader.ReadAsync(claim.ClaimId, state.Received, CancellationToken.None),
            PreviousFindings = state.Findings,
        };
        var turns = await _team.RunAsync(ClaimAgents.AnalysisTeam, caseFile, CancellationToken.None);
        var result = Combine(caseFile, turns, input);
        var toolEvents = TurnRecording.ToolEvents(claim.ClaimId, stepKey, input.At, turns);
        var roundEvent = input.Event with
        {
            Data = new Dictionary<string, object?>
            {
                ["round"] = state.Rounds,
                ["riskScore"] = result.RiskScore,
                ["recommendation"] = result.Recommendation,
                ["newFindings"] = result.NewFindings.Count,
                ["additionalDocuments"] = result.AdditionalDocuments.Select(d => d.Type).ToList(),
            },
        };
        var complete = result with { Events = [roundEvent, .. toolEvents] };
        await _recorder.RecordAsync(
            new SessionUpdate
            {
                State = state.ApplyRound(result),
                StepKey = stepKey,
                At = input.At,
                Messages = TurnRecording.Messages(caseFile, turns),
                Event = roundEvent,
            },
            finish: context => context with { LastStep = new RecordedStep(stepKey, JsonSerializer.SerializeToElement(complete, ClaimsJson.Options)) },
            extraEvents: toolEvents);
        return complete;
    }

    /// <summary>Merges the agents' verdicts over the rules' floor: the model may add findings and raise the risk, never lower it or drop a rule's result.</summary>
    private RoundResult Combine(CaseFile caseFile, IReadOnlyList<AgentTurn> turns, RoundRequest input)
    {
        var floor = RuleFloor.Evaluate(
            caseFile.Claim, _catalog.FindPolicy(caseFile.Claim.PolicyNumber), caseFile.SubmittedAt,
            caseFile.Documents.Select(d => d.Content).OfType<string>(), _catalog.Requirements.Risk);
        var previous = input.State.Findings.ToHashSet(StringComparer.Ordinal);
        var newFindings = turns.SelectMany(t => t.Verdict.Findings).Concat(floor.Findings).Where(previous.Add).ToList();
        var received = input.State.Received.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);

        // Only document types the catalog knows can be requested: a model must not invent paperwork for the customer.
        var additional = turns.SelectMany(t => t.Verdict.AdditionalDocuments)
            .Where(d => _catalog.IsKnownDocumentType(d.Type) && !received.Contains(d.Type))
            .DistinctBy(d => d.Type).ToList();
        var decision = turns.LastOrDefault(t => t.Agent == ClaimAgents.DecisionName)?.Verdict ?? AgentVerdict.Empty;

        // The highest score any agent gave: one agent cannot talk down what a colleague flagged.
        var modelRisk = turns.Select(t => t.Verdict.RiskScore).Max();
        return new RoundResult
        {
            NewFindings = newFindings,
            RiskScore = floor.RiskScore(modelRisk),
            Recommendation = decision.Recommendation,
            AdditionalDocuments = additional,
            Reasons = decision.Reasons,
            Evidence = turns.SelectMany(t => t.Verdict.Evidence).Concat(floor.Evidence).DistinctBy(e => (e.Source, e.Detail)).ToList(),
            ModelVersion = _team.ModelVersion,
        };
    }
}

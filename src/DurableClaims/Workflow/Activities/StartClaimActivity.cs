using DurableClaims.Agents;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow.Activities;

/// <summary>Phase 1: works out required and received documents, runs the intake team and creates the session.</summary>
public sealed class StartClaimActivity : TaskActivity<StartClaimRequest, IntakeResult>
{
    private readonly ClaimTeam _team;
    private readonly PolicyCatalog _catalog;
    private readonly IDocumentStore _documents;
    private readonly DocumentReader _reader;
    private readonly SessionRecorder _recorder;

    /// <summary>Creates the activity.</summary>
    public StartClaimActivity(ClaimTeam team, PolicyCatalog catalog, IDocumentStore documents, DocumentReader reader, SessionRecorder recorder)
        => (_team, _catalog, _documents, _reader, _recorder) = (team, catalog, documents, reader, recorder);

    public override async Task<IntakeResult> RunAsync(TaskActivityContext context, StartClaimRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var claim = input.Claim;
        var required = _catalog.RequiredDocuments(claim.ClaimType);

        // Evidence, not names: a document counts once its content is stored (sent with the claim or uploaded
        // before it started). A document the submission only names stays missing until its file arrives.
        var received = (await _documents.ListAsync(claim.ClaimId))
            .Select(stored => stored.ToReceived())
            .ToList();

        var caseFile = new CaseFile
        {
            Claim = claim,
            SubmittedAt = input.StartedAt,
            Round = 0,
            RequiredDocuments = required,
            Documents = await _reader.ReadAsync(claim.ClaimId, received, CancellationToken.None),
        };
        var turns = await _team.RunAsync(ClaimAgents.IntakeTeam, caseFile, CancellationToken.None);
        var toolEvents = TurnRecording.ToolEvents(claim.ClaimId, "intake", input.StartedAt, turns);
        await _recorder.RecordAsync(
            new SessionUpdate
            {
                State = input.State.Intake(required, received),
                StepKey = "intake",
                At = input.StartedAt,
                Messages = TurnRecording.Messages(caseFile, turns),
                Event = input.Event,
            },
            claim,
            extraEvents: toolEvents);

        var neverPayable = CoverageRules.NeverPayable(claim, _catalog.FindPolicy(claim.PolicyNumber)).Select(r => r.Id).ToList();
        return new IntakeResult(required, received, [input.Event, .. toolEvents], neverPayable);
    }
}

using DurableClaims.Contracts;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>The claims orchestration: intake and document check, analysis rounds, decision, archive.</summary>
/// <remarks>
/// Deterministic by construction: every model call and every I/O runs in an activity, time comes from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, and ids derive from counters. The local worker
/// (SQLite task hub) and the Azure Functions app run this same class on Microsoft's executor.
/// A claim keeps the workflow version stamped on it at start (<see cref="TaskOrchestrationContext.Version"/>): a step
/// added later runs only behind <see cref="ClaimWorkflowVersions.IsAtLeast"/>, so a claim paused for weeks replays the
/// path it took (docs/deploy.md, "Shipping a workflow change while claims are paused").
/// </remarks>
public sealed class ClaimOrchestrator : TaskOrchestrator<ClaimSubmission, ClaimOutcome>
{
    public override Task<ClaimOutcome> RunAsync(TaskOrchestrationContext context, ClaimSubmission input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new ClaimRun(context, input).RunAsync();
    }
}

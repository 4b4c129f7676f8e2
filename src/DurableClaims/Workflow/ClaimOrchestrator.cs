using DurableClaims.Contracts;
using DurableClaims.Durable;

namespace DurableClaims.Workflow;

/// <summary>The claims orchestration: intake and document check, analysis rounds, decision, archive.</summary>
/// <remarks>
/// Deterministic by construction: every model call and every I/O runs in an activity, time comes from
/// <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, and ids derive from counters. The Azure Functions
/// app runs this same class through an adapter over Microsoft's TaskOrchestrationContext.
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

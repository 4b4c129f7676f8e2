using DurableClaims.Workflow.Activities;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>Registers the claims orchestrator and its activities on a <see cref="DurableTaskRegistry"/>.</summary>
public static class ClaimsWorkflowRegistration
{
    /// <summary>Adds <see cref="ClaimOrchestrator"/> and every activity under their class names.</summary>
    public static DurableTaskRegistry AddClaimsWorkflow(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<ClaimOrchestrator>()
            .AddActivity<LoadSettingsActivity>()
            .AddActivity<StartClaimActivity>()
            .AddActivity<RecordStepActivity>()
            .AddActivity<RunAnalysisRoundActivity>()
            .AddActivity<CompleteClaimActivity>()
            .AddActivity<NotifyWebhooksActivity>();
    }
}

using DurableClaims.Contracts;
using DurableClaims.Workflow;
using DurableClaims.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Functions.Functions;

/// <summary>The claims orchestrator and its activities as Durable Functions: each trigger runs the workflow's own Microsoft.DurableTask class, under the name the local worker registers it with (<see cref="ClaimsWorkflowRegistration"/>).</summary>
/// <remarks>
/// Microsoft's source generator writes these triggers for classes marked <c>[DurableTask]</c>; it is not
/// served here, so they are written by hand the way it writes them: the orchestrator gets the trigger's
/// context as is, activities are resolved from the invocation's scope with a context naming them.
/// </remarks>
public sealed class WorkflowFunctions
{
    /// <summary>The orchestrator: <see cref="ClaimOrchestrator"/> on Durable Functions' own context.</summary>
    [Function(ClaimWorkflow.OrchestratorName)]
    public static Task<ClaimOutcome> RunClaimOrchestratorAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<ClaimSubmission>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no claim input.");
        return new ClaimOrchestrator().RunAsync(context, input);
    }

    /// <summary>Snapshots the workflow settings into the orchestration's history (replay-safe configuration).</summary>
    [Function(nameof(LoadSettingsActivity))]
    public static Task<WorkflowSettings> LoadSettingsAsync([ActivityTrigger] string input, FunctionContext context)
        => RunAsync<LoadSettingsActivity, string, WorkflowSettings>(input, context);

    /// <summary>Phase 1: intake, document check, session creation.</summary>
    [Function(nameof(StartClaimActivity))]
    public static Task<IntakeResult> StartClaimAsync([ActivityTrigger] StartClaimRequest input, FunctionContext context)
        => RunAsync<StartClaimActivity, StartClaimRequest, IntakeResult>(input, context);

    /// <summary>Records a step (messages, context, lifecycle event) in the session archive.</summary>
    [Function(nameof(RecordStepActivity))]
    public static Task<bool> RecordStepAsync([ActivityTrigger] SessionUpdate input, FunctionContext context)
        => RunAsync<RecordStepActivity, SessionUpdate, bool>(input, context);

    /// <summary>Phase 2: one round of the analysis agents.</summary>
    [Function(nameof(RunAnalysisRoundActivity))]
    public static Task<RoundResult> RunAnalysisRoundAsync([ActivityTrigger] RoundRequest input, FunctionContext context)
        => RunAsync<RunAnalysisRoundActivity, RoundRequest, RoundResult>(input, context);

    /// <summary>Phase 3: decision package, final session state, archive.</summary>
    [Function(nameof(CompleteClaimActivity))]
    public static Task<ClaimOutcome> CompleteClaimAsync([ActivityTrigger] CompletionRequest input, FunctionContext context)
        => RunAsync<CompleteClaimActivity, CompletionRequest, ClaimOutcome>(input, context);

    /// <summary>Signed webhook deliveries of lifecycle events.</summary>
    [Function(nameof(NotifyWebhooksActivity))]
    public static Task<int> NotifyWebhooksAsync([ActivityTrigger] WebhookDelivery input, FunctionContext context)
        => RunAsync<NotifyWebhooksActivity, WebhookDelivery, int>(input, context);

    private static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        return activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
    }

    /// <summary>The activity context Microsoft's generated triggers create: the activity's name and its orchestration's id.</summary>
    private sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;

        public override string InstanceId { get; } = instanceId;
    }
}

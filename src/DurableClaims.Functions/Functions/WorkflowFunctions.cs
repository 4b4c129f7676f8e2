using DurableClaims.Contracts;
using DurableClaims.Functions.Durable;
using DurableClaims.Workflow;
using DurableClaims.Workflow.Activities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using ClaimsActivityContext = DurableClaims.Durable.TaskActivityContext;
using DurableContext = Microsoft.DurableTask.TaskOrchestrationContext;

namespace DurableClaims.Functions.Functions;

/// <summary>The claims orchestrator and its activities as Durable Functions: each runs the workflow's own class, registered under the same name as on the embedded engine (ClaimsWorkflowRegistration).</summary>
public sealed class WorkflowFunctions(IServiceProvider services)
{
    /// <summary>The orchestrator: <see cref="ClaimOrchestrator"/> over the context adapter.</summary>
    [Function(ClaimWorkflow.OrchestratorName)]
    public Task<ClaimOutcome> RunClaimOrchestratorAsync([OrchestrationTrigger] DurableContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orchestrator = ActivatorUtilities.GetServiceOrCreateInstance<ClaimOrchestrator>(services);
        var input = context.GetInput<ClaimSubmission>() ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no claim input.");
        return orchestrator.RunAsync(new FunctionsOrchestrationContext(context, ClaimWorkflow.OrchestratorName), input);
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
        where TActivity : DurableClaims.Durable.TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);

        // Resolved from the invocation's scope, as the embedded engine resolves activities from a new scope.
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        var instanceId = context.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
        return activity.RunAsync(new ClaimsActivityContext(typeof(TActivity).Name, instanceId), input);
    }
}

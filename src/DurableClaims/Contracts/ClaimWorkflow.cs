namespace DurableClaims.Contracts;

/// <summary>Names other components use to start and talk to the claims orchestration.</summary>
public static class ClaimWorkflow
{
    /// <summary>The registered orchestrator name (its class name, as Durable Functions registers it).</summary>
    public const string OrchestratorName = nameof(Workflow.ClaimOrchestrator);

    /// <summary>External event names the orchestration waits for.</summary>
    public static class Events
    {
        /// <summary>Raised when documents for a claim arrive (HTTP, CLI or the upload pipeline).</summary>
        public const string DocumentsReceived = "DocumentsReceived";

        /// <summary>Raised when an adjuster approves or denies a claim that waits for review.</summary>
        public const string AdjusterDecision = "AdjusterDecision";

        /// <summary>Raised when an adjuster decides, re-opens, retries or closes a claim that needs one (stalled, timed out, in error).</summary>
        public const string AdjusterAction = "AdjusterAction";
    }
}

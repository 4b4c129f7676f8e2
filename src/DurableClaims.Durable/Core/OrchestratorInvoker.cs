namespace DurableClaims.Durable.Core;

/// <summary>Runs a registered orchestrator: JSON input in, JSON output out.</summary>
internal delegate Task<string?> OrchestratorInvoker(TaskOrchestrationContext context, string? input);

/// <summary>Runs a registered activity in its own DI scope: JSON input in, JSON output out.</summary>
internal delegate Task<string?> ActivityInvoker(IServiceProvider services, TaskActivityContext context, string? input, CancellationToken cancellation);

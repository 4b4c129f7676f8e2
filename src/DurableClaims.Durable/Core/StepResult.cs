namespace DurableClaims.Durable.Core;

/// <summary>How an execution ended.</summary>
internal sealed record StepCompletion(OrchestrationRuntimeStatus Status, string? Output, TaskFailureDetails? Failure);

/// <summary>A ContinueAsNew request: the next execution's input and the events it inherits.</summary>
internal sealed record ContinueAsNewRequest(string? Input, IReadOnlyList<DurableEvent> CarriedEvents);

/// <summary>What one orchestration step produced; committed atomically by the engine.</summary>
internal sealed class StepResult
{
    /// <summary>Gets the sequence number of the first new history event.</summary>
    public required int FirstSeq { get; init; }

    public List<DurableEvent> NewHistory { get; } = [];

    public List<OrchestratorAction> Actions { get; } = [];

    public StepCompletion? Completion { get; set; }

    public ContinueAsNewRequest? ContinueAsNew { get; set; }

    public bool Suspended { get; set; }

    public bool Started { get; set; }

    public string? CustomStatus { get; set; }

    public bool CustomStatusChanged { get; set; }

    public string? ParentInstanceId { get; set; }

    public string? ParentExecutionId { get; set; }

    public int ParentTaskId { get; set; }
}

using Microsoft.DurableTask;

namespace DurableClaims.DurableTask.Hosting.Tests.Samples;

/// <summary>Returns the version stamped on its instance, as an orchestrator gating a step on it reads it.</summary>
public sealed class VersionEchoOrchestrator : TaskOrchestrator<object?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult(context.Version);
}

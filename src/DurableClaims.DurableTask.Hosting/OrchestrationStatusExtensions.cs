using DurableTask.Core;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Which DurableTask.Core statuses end an instance: the one rule the client glue and the providers share.</summary>
public static class OrchestrationStatusExtensions
{
    /// <summary>True for Completed, Failed, Terminated and (obsolete but still possible) Canceled.</summary>
    public static bool IsTerminal(this OrchestrationStatus status) => status is
#pragma warning disable CS0618 // Canceled is obsolete but still a terminal status of DurableTask.Core.
        OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
#pragma warning restore CS0618
}

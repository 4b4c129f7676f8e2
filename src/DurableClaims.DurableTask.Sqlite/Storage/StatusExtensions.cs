using DurableTask.Core;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>Which DurableTask.Core statuses end an instance.</summary>
internal static class StatusExtensions
{
    public static bool IsTerminal(this OrchestrationStatus status) => status is
        OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled;
}

using System.Diagnostics;
using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using DurableClaims.Contracts;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Cli.Clients;

/// <summary>An external event a waiter must see consumed: <paramref name="Count"/> events named <paramref name="Name"/> in the history.</summary>
/// <param name="Name">The event name, e.g. DocumentsReceived.</param>
/// <param name="Count">How many such events the history must hold.</param>
internal sealed record AwaitedEvent(string Name, int Count);

/// <summary>Waits until a claim pauses or ends, re-reading its status each time the change signal fires.</summary>
internal static class ClaimWaiter
{
    /// <summary>A safety net: re-read the status at least this often even without a change signal.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Returns the status once the claim has ended, or is paused with nothing left to do (no activity
    /// outstanding) and, after a resume or review, with the event it was sent in its history.
    /// </summary>
    /// <remarks>
    /// An event can reach the history while the orchestrator is still busy (e.g. recording its pause),
    /// with the old pause still published; only an idle orchestrator has acted on every event it holds.
    /// History is read before status: the task hub commits both in one step, so the status is never older.
    /// </remarks>
    /// <param name="client">The claims client.</param>
    /// <param name="signal">The change signal, created before the claim was started or its event sent.</param>
    /// <param name="claimId">The claim.</param>
    /// <param name="awaited">The event the claim must have received first (after resume or review), or null.</param>
    /// <param name="timeout">How long to wait at most.</param>
    /// <param name="progress">Receives each status read.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<ClaimStatusView> WaitUntilSettledAsync(
        IClaimsClient client,
        IClaimChangeSignal signal,
        string claimId,
        AwaitedEvent? awaited,
        TimeSpan timeout,
        IClaimProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var history = await client.GetHistorySummaryAsync(claimId, cancellationToken);
            var view = ApiResults.Require(await client.GetClaimAsync(claimId, cancellationToken));
            var received = awaited is null || history.Raised(awaited.Name) >= awaited.Count;
            if (received || IsFinished(view))
            {
                // Until the event is in, the status still shows the old pause: not worth reporting.
                progress.Report(view);
            }

            // A pause past its deadline is not settled: its timer is due and the claim is about to time out.
            var overdue = view.Deadline is { } deadline && deadline <= DateTimeOffset.UtcNow;
            if (IsFinished(view) || view.RuntimeStatus == "Suspended"
                || (view.Status == ClaimStatusCodes.Paused && received && history.OutstandingTasks == 0 && !overdue))
            {
                return view;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Claim '{claimId}' is still {view.Status} (phase {view.Phase}) after {timeout.TotalSeconds:0} s; "
                    + $"it continues the next time the engine runs (see 'durableclaims status {claimId}').");
            }

            await signal.WaitAsync(left < Watchdog ? left : Watchdog, cancellationToken);
        }
    }

    /// <summary>Returns whether the claim has ended (its instance is no longer running, or only its archive is left).</summary>
    public static bool IsFinished(ClaimStatusView view)
        => !(Enum.TryParse<OrchestrationRuntimeStatus>(view.RuntimeStatus, out var status)
                && status is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
           && view.Status != ClaimStatusCodes.Running;
}

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

/// <summary>Waits until a claim pauses, needs an adjuster or ends, re-reading its status each time the change signal fires.</summary>
internal static class ClaimWaiter
{
    /// <summary>A safety net: re-read the status at least this often even without a change signal.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Returns the status once the claim has ended, or waits for someone (paused for documents or review, or
    /// stalled, timed out or in error and waiting for an adjuster) with nothing left to do (no activity
    /// outstanding) and, after a resume, review or adjuster action, with the event it was sent in its history.
    /// </summary>
    /// <remarks>
    /// An event can reach the history while the orchestrator is still busy (e.g. recording its pause),
    /// with the old pause still published; only an idle orchestrator has acted on every event it holds.
    /// History is read before status: the task hub commits both in one step, so the status is never older.
    /// </remarks>
    /// <param name="client">The claims client.</param>
    /// <param name="signal">The change signal, created before the claim was started or its event sent.</param>
    /// <param name="claimId">The claim.</param>
    /// <param name="awaited">The event the claim must have received first (after resume, review or an adjuster action), or null.</param>
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

            // A pause past its deadline is not settled: its timer is due and the claim is about to time out (or close by itself).
            var overdue = view.Deadline is { } deadline && deadline <= DateTimeOffset.UtcNow;
            if (IsFinished(view) || view.RuntimeStatus == "Suspended"
                || (IsStopPoint(view) && received && history.OutstandingTasks == 0 && !overdue))
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

    /// <summary>Returns whether the claim waits for someone: documents or review (paused), or an adjuster's next step after it stalled, timed out or failed.</summary>
    /// <remarks>A claim waiting for an adjuster already shows its final status but stays open for up to Claims:AutoCloseAfter; nothing happens until someone acts.</remarks>
    public static bool IsStopPoint(ClaimStatusView view)
        => view.Status == ClaimStatusCodes.Paused || NeedsAdjuster(view);

    /// <summary>Returns whether a still-open claim waits for an adjuster to decide, re-open, retry or close it.</summary>
    public static bool NeedsAdjuster(ClaimStatusView view)
        => ClaimAwaiting.IsAdjusterAction(view.Awaiting) && !IsCompleted(view);

    /// <summary>Returns whether the claim has ended (its instance is no longer running, or only its archive is left).</summary>
    public static bool IsFinished(ClaimStatusView view)
        => IsCompleted(view) && view.Status != ClaimStatusCodes.Running;

    private static bool IsCompleted(ClaimStatusView view)
        => !(Enum.TryParse<OrchestrationRuntimeStatus>(view.RuntimeStatus, out var status)
             && status is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated));
}

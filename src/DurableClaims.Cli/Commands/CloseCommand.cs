using System.CommandLine;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Commands;

/// <summary><c>close &lt;claimId&gt; --adjuster NAME [--notes TEXT]</c>: end a claim that waits for an adjuster with the status it has.</summary>
internal static class CloseCommand
{
    public static Command Create(GlobalOptions globals)
        => AdjusterActionRun.Create(
            globals,
            "close",
            "Close a stalled, timed-out or errored claim that waits for an adjuster, with the status it has, and show its end.",
            "The claim that waits for an adjuster.",
            [],
            (client, id, _, request, cancellationToken) => client.CloseAsync(id, request, cancellationToken));
}

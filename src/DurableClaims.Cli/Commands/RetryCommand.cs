using System.CommandLine;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Commands;

/// <summary><c>retry &lt;claimId&gt; --adjuster NAME [--notes TEXT]</c>: run the failed step of a claim in error again.</summary>
internal static class RetryCommand
{
    public static Command Create(GlobalOptions globals)
        => AdjusterActionRun.Create(
            globals,
            "retry",
            "Run the failed step of a claim in error again and run it until it pauses, needs an adjuster again or ends.",
            "The claim in error that waits for a retry.",
            [],
            (client, id, _, request, cancellationToken) => client.RetryAsync(id, request, cancellationToken));
}

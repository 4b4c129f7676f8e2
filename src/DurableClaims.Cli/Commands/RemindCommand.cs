using System.CommandLine;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Commands;

/// <summary><c>remind &lt;claimId&gt; --adjuster NAME [--notes TEXT]</c>: send the customer of a claim waiting for documents a reminder now.</summary>
internal static class RemindCommand
{
    public static Command Create(GlobalOptions globals)
        => AdjusterActionRun.Create(
            globals,
            "remind",
            "Send the customer of a claim waiting for documents a reminder now (the note is quoted in it); the claim keeps waiting.",
            "The claim waiting for documents.",
            [],
            (client, id, _, request, cancellationToken) => client.RemindAsync(id, request, cancellationToken));
}

using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Commands;

/// <summary><c>reopen &lt;claimId&gt; --adjuster NAME [--documents TYPE,TYPE] [--notes TEXT]</c>: ask the customer again for documents.</summary>
internal static class ReopenCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var documents = new Option<string?>("--documents")
        {
            Description = "Document types to ask for, comma-separated (default: the ones still missing); --notes is the reason the customer sees.",
            HelpName = "TYPE,TYPE",
        };
        return AdjusterActionRun.Create(
            globals,
            "reopen",
            "Re-open a stalled or timed-out claim: ask for documents again with a new deadline and round budget, and run it until it pauses or ends.",
            "The stalled or timed-out claim.",
            [documents],
            (client, id, parseResult, request, cancellationToken) =>
            {
                var types = (parseResult.GetValue(documents) ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return client.ReopenAsync(id, request with { Documents = types.Length == 0 ? null : types }, cancellationToken);
            });
    }
}

using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary><c>review &lt;claimId&gt; --decision approve|deny --adjuster NAME [--notes TEXT] [-o DIR]</c>: answer a claim that waits for an adjuster.</summary>
internal static class ReviewCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim that waits for review." };
        var decision = new Option<string>("--decision")
        {
            Description = "approve or deny.",
            Required = true,
        };
        decision.AcceptOnlyFromAmong(AdjusterDecisions.Approve, AdjusterDecisions.Deny);
        var adjuster = new Option<string>("--adjuster") { Description = "Who decides.", HelpName = "NAME", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Why; quoted in the package.", HelpName = "TEXT" };
        var run = new ClaimRun();
        var command = new Command("review", "Answer a claim that waits for an adjuster (AdjusterDecision) and run it until it ends.")
        {
            claimId,
            decision,
            adjuster,
            notes,
        };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            await using var client = await context.OpenClientAsync(cancellationToken);
            using var signal = client.WatchClaims();
            var awaited = new AwaitedEvent(
                ClaimWorkflow.Events.AdjusterDecision,
                (await client.GetHistorySummaryAsync(id, cancellationToken)).Raised(ClaimWorkflow.Events.AdjusterDecision) + 1);
            var request = new ReviewRequest(parseResult.GetValue(decision), parseResult.GetValue(adjuster), parseResult.GetValue(notes));
            ApiResults.Require(await client.ReviewAsync(id, request, cancellationToken));
            return await run.FinishAsync(parseResult, context, client, signal, id, awaited, cancellationToken);
        });
        return command;
    }
}

using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary><c>review &lt;claimId&gt; --decision approve|deny --adjuster NAME [--notes TEXT] [--amount N] [-o DIR]</c>: decide a claim that waits for review or for an adjuster.</summary>
internal static class ReviewCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim that waits for review, or for an adjuster after it stalled, timed out or failed." };
        var decision = new Option<string>("--decision")
        {
            Description = "approve or deny.",
            Required = true,
        };
        decision.AcceptOnlyFromAmong(AdjusterDecisions.Approve, AdjusterDecisions.Deny);
        var adjuster = new Option<string>("--adjuster") { Description = "Who decides.", HelpName = "NAME", Required = true };
        var notes = new Option<string?>("--notes") { Description = "Why; quoted in the package.", HelpName = "TEXT" };
        var amount = new Option<decimal?>("--amount")
        {
            Description = "With approve: the amount the adjuster settles on (paid up to what the policy allows).",
            HelpName = "N",
        };
        var run = new ClaimRun();
        var command = new Command("review", "Approve or deny a claim that waits for review or for an adjuster (stalled, timeout, error) and run it until it ends.")
        {
            claimId,
            decision,
            adjuster,
            notes,
            amount,
        };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, (parseResult, context, cancellationToken) =>
        {
            var request = new ReviewRequest(parseResult.GetValue(decision), parseResult.GetValue(adjuster), parseResult.GetValue(notes), parseResult.GetValue(amount));
            var id = parseResult.GetValue(claimId)!;
            return AdjusterActionRun.RunAsync(parseResult, context, run, id, client => client.ReviewAsync(id, request, cancellationToken), cancellationToken);
        });
        return command;
    }
}

using System.CommandLine;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;

namespace DurableClaims.Cli.Commands;

/// <summary><c>status &lt;claimId&gt; [--wait [-o DIR]]</c>: show a claim's status object.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim." };
        var wait = new Option<bool>("--wait")
        {
            Description = "Run the claim until it pauses or ends first (e.g. after an interrupted process), writing -o files like process.",
        };
        var run = new ClaimRun();
        var command = new Command("status", "Show a claim's status, reason, missing documents and decision.") { claimId, wait };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            await using var client = await context.OpenClientAsync(cancellationToken);
            if (parseResult.GetValue(wait))
            {
                using var signal = client.WatchClaims();
                return await run.FinishAsync(parseResult, context, client, signal, parseResult.GetValue(claimId)!, null, cancellationToken);
            }

            var view = ApiResults.Require(await client.GetClaimAsync(parseResult.GetValue(claimId)!, cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(view, CliJson.Options);
            }
            else
            {
                StatusRenderer.WriteSummary(context.Output.Console, view);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

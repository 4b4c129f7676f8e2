using System.CommandLine;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;

namespace DurableClaims.Cli.Commands;

/// <summary><c>history &lt;claimId&gt; [--events]</c>: show a claim's chat history (or its lifecycle events).</summary>
internal static class HistoryCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim." };
        var events = new Option<bool>("--events") { Description = "Show the lifecycle events (start, pause, resume, …) instead of the chat." };
        var command = new Command("history", "Show a claim's chat history: every agent, system and tool message, oldest first.") { claimId, events };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            await using var client = await context.OpenClientAsync(cancellationToken);
            if (parseResult.GetValue(events))
            {
                var lifecycle = ApiResults.Require(await client.GetEventsAsync(id, cancellationToken));
                if (context.Output.Json)
                {
                    context.Output.WriteJson(lifecycle, CliJson.Options);
                }
                else
                {
                    HistoryRenderer.WriteEvents(context.Output.Console, lifecycle);
                }

                return ExitCodes.Success;
            }

            var messages = ApiResults.Require(await client.GetHistoryAsync(id, cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(messages, CliJson.Options);
            }
            else
            {
                HistoryRenderer.WriteMessages(context.Output.Console, messages);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

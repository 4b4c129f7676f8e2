using System.CommandLine;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using Spectre.Console;

namespace DurableClaims.Cli.Commands;

/// <summary><c>archive &lt;claimId&gt;</c>: move a closed claim's session to the archive area.</summary>
internal static class ArchiveCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The closed claim." };
        var command = new Command("archive", "Move a closed claim's session to the archive area (compressed history; see 'list-sessions --archived'). Open claims are refused.") { claimId };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            await using var client = await context.OpenClientAsync(cancellationToken);
            var archived = ApiResults.Require(await client.ArchiveAsync(id, cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(archived, CliJson.Options);
            }
            else
            {
                context.Output.Console.WriteLine(archived.Moved
                    ? $"Archived {archived.ClaimId}: its session moved to the archive area."
                    : $"{archived.ClaimId} is already in the archive area; nothing moved.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

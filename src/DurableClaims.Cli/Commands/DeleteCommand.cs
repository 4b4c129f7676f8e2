using System.CommandLine;
using System.Globalization;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using Spectre.Console;

namespace DurableClaims.Cli.Commands;

/// <summary><c>delete &lt;claimId&gt; --yes</c>: terminate a claim if it runs and remove its instance, session and documents.</summary>
internal static class DeleteCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim." };
        var yes = new Option<bool>("--yes")
        {
            Description = "Confirm: the claim's history, session archive and documents are removed for good.",
        };
        var command = new Command("delete", "Remove a claim (terminating it first if it runs): its instance, session and documents. Frees its id.") { claimId, yes };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            if (!parseResult.GetValue(yes))
            {
                throw new CliInputException($"delete removes claim '{id}' for good (its history, session archive and documents); add --yes to confirm.");
            }

            await using var client = await context.OpenClientAsync(cancellationToken);
            var deleted = ApiResults.Require(await client.DeleteClaimAsync(id, cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(deleted, CliJson.Options);
            }
            else
            {
                context.Output.Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Deleted {deleted.ClaimId}: {(deleted.Terminated ? "terminated, " : string.Empty)}{deleted.InstancesDeleted} instance, "
                    + $"{(deleted.SessionDeleted ? "session" : "no session")}, {deleted.DocumentsDeleted} document(s)."));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

using System.CommandLine;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Cli.Output;

namespace DurableClaims.Cli.Commands;

/// <summary><c>cleanup --older-than 30d</c>: retention clean-up of finished claims (sessions and task-hub instances).</summary>
internal static class CleanupCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var olderThan = DurationParser.CreateOption(
            "--older-than", "Remove finished claims last updated longer ago than this (e.g. 30d, 12h).", defaultValue: null);
        var command = new Command(
            "cleanup",
            "Delete finished sessions (live and archived) and purge finished orchestration instances older than --older-than; running and paused claims are kept.")
        {
            olderThan,
        };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var cutoff = DateTimeOffset.UtcNow - parseResult.GetValue(olderThan);
            await using var client = await context.OpenClientAsync(cancellationToken);
            var result = await client.CleanupAsync(cutoff, cancellationToken);
            if (context.Output.Json)
            {
                context.Output.WriteJson(result, CliJson.Options);
            }
            else
            {
                context.Output.WriteLine(
                    $"Removed {result.SessionsRemoved} session(s) and purged {result.InstancesPurged} instance(s) of claims finished before {StatusRenderer.Time(result.OlderThan)}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

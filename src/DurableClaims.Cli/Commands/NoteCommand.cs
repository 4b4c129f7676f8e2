using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using Spectre.Console;

namespace DurableClaims.Cli.Commands;

/// <summary><c>note &lt;claimId&gt; --author NAME --text TEXT</c>: add a note to a claim's timeline.</summary>
internal static class NoteCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The claim, open or closed." };
        var author = new Option<string>("--author") { Description = "Who writes the note.", HelpName = "NAME", Required = true };
        var text = new Option<string>("--text") { Description = "The note.", HelpName = "TEXT", Required = true };
        var command = new Command("note", "Add a note to a claim's timeline (open or closed; see 'history --events'). It changes nothing else.") { claimId, author, text };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            await using var client = await context.OpenClientAsync(cancellationToken);
            var note = ApiResults.Require(await client.AddNoteAsync(id, new NoteRequest(parseResult.GetValue(author), parseResult.GetValue(text)), cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(note, CliJson.Options);
            }
            else
            {
                context.Output.Console.WriteLine($"Note added to {note.ClaimId} by {parseResult.GetValue(author)!.Trim()} at {StatusRenderer.Time(note.Timestamp)}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

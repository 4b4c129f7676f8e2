using System.CommandLine;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary><c>resume &lt;claimId&gt; -d DIR [-o DIR]</c>: deliver documents to a paused claim and run it until it pauses again or ends.</summary>
internal static class ResumeCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimId = new Argument<string>("claimId") { Description = "The paused claim." };
        var documents = new Option<string>("--documents", "-d")
        {
            Description = "Folder of documents: each regular file directly inside it is one document, its name without extension the type (links and sub-folders are skipped).",
            HelpName = "DIR",
            Required = true,
        };
        var run = new ClaimRun();
        var command = new Command("resume", "Deliver documents to a paused claim (DocumentsReceived) and run it until it pauses again or ends.")
        {
            claimId,
            documents,
        };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            var files = await DocumentFolder.ReadAsync(parseResult.GetValue(documents)!, context.Output.Error, cancellationToken);
            await using var client = await context.OpenClientAsync(cancellationToken);
            using var signal = client.WatchClaims();
            var awaited = new AwaitedEvent(
                ClaimWorkflow.Events.DocumentsReceived,
                (await client.GetHistorySummaryAsync(id, cancellationToken)).Raised(ClaimWorkflow.Events.DocumentsReceived) + 1);
            ApiResults.Require(await client.SubmitDocumentsAsync(id, files, cancellationToken));
            CliLog.DocumentsSent(context.Logger, files.Count, id);
            return await run.FinishAsync(parseResult, context, client, signal, id, awaited, cancellationToken);
        });
        return command;
    }
}

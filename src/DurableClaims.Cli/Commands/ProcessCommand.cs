using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;

namespace DurableClaims.Cli.Commands;

/// <summary><c>process &lt;claim.md|claim.json&gt; [-d DIR] [-o DIR]</c>: start a claim and run it until it pauses or ends.</summary>
internal static class ProcessCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimPath = new Argument<string>("claim") { Description = "The claim file: claim.md (Markdown) or claim.json." };
        var documents = new Option<string?>("--documents", "-d")
        {
            Description = "Folder holding the documents the claim lists; their content is stored with the claim (embedded engine only).",
            HelpName = "DIR",
        };
        var run = new ClaimRun();
        var command = new Command("process", "Start a claim from claim.md or claim.json and run it until it pauses or ends.") { claimPath, documents };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var claim = await ClaimFile.ReadAsync(parseResult.GetValue(claimPath)!, cancellationToken);
            var documentsFolder = parseResult.GetValue(documents);
            var named = documentsFolder is null ? null : await NamedDocuments.FindAsync(claim, documentsFolder, cancellationToken);
            await using var client = await context.OpenClientAsync(cancellationToken);
            if (named is { } found && found.Files.Count > 0)
            {
                // Documents of a claim that still runs under this id are not overwritten: starting it would be refused anyway.
                if (await client.GetClaimAsync(found.ClaimId, cancellationToken) is { IsSuccess: true, Value: { } existing }
                    && !ClaimWaiter.IsFinished(existing))
                {
                    throw StillRunning($"Claim '{found.ClaimId}' is still running.");
                }

                await client.StoreDocumentsAsync(found.ClaimId, found.Files, cancellationToken);
            }

            using var signal = client.WatchClaims();
            var start = await client.StartClaimAsync(claim, cancellationToken);
            if (start.Kind == ApiResultKind.Conflict)
            {
                throw StillRunning(start.Problem!.Detail);
            }

            var started = ApiResults.Require(start);
            CliLog.ClaimStarted(context.Logger, started.Id);
            return await run.FinishAsync(parseResult, context, client, signal, started.Id, null, cancellationToken);
        });
        return command;
    }

    private static CliInputException StillRunning(string detail)
        => new($"{detail} Deliver its documents with 'resume', look at it with 'status', or use another --data-dir.");
}

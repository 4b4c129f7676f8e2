using System.CommandLine;
using System.Text.RegularExpressions;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary><c>process &lt;claim.md|claim.json&gt; [-d DIR] [-o DIR]</c>: start a claim and run it until it pauses or ends.</summary>
internal static partial class ProcessCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var claimPath = new Argument<string>("claim") { Description = "The claim file: claim.md (Markdown) or claim.json." };
        var documents = new Option<string?>("--documents", "-d")
        {
            Description = "Folder holding the documents the claim lists; their content is stored with the claim before it starts.",
            HelpName = "DIR",
        };
        var run = new ClaimRun();
        var command = new Command("process", "Start a claim from claim.md or claim.json and run it until it pauses or ends.") { claimPath, documents };
        run.AddTo(command);
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var claim = await ClaimFile.ReadAsync(parseResult.GetValue(claimPath)!, cancellationToken);
            var documentsFolder = parseResult.GetValue(documents);
            var named = documentsFolder is null ? null : await NamedDocuments.FindAsync(claim, documentsFolder, context.Output.Error, cancellationToken);
            await using var client = await context.OpenClientAsync(cancellationToken);

            // The documents go with the claim: the API stores them only once the id is known to be free.
            using var signal = client.WatchClaims();
            var start = await client.StartClaimAsync(claim, named?.Files ?? [], cancellationToken);
            if (start.Kind == ApiResultKind.Conflict)
            {
                var takenId = start.Problem!.Extensions?.GetValueOrDefault("claimId")?.ToString();
                var existing = takenId is null ? null : await client.GetClaimAsync(takenId, cancellationToken);
                throw IdTaken(start.Problem.Detail, existing is { IsSuccess: true } ? existing.Value : null);
            }

            var started = ApiResults.Require(start);
            CliLog.ClaimStarted(context.Logger, started.Id);
            return await run.FinishAsync(parseResult, context, client, signal, started.Id, null, cancellationToken);
        });
        return command;
    }

    /// <summary>Claim ids are unique: a taken id is bad input (exit 2), with a hint that fits the claim's state.</summary>
    /// <remarks>The API's detail names the HTTP route that deletes a claim; the CLI points at its own command instead.</remarks>
    private static CliInputException IdTaken(string detail, ClaimStatusView? existing)
    {
        var message = DeleteRoute().Replace(detail, string.Empty).TrimEnd();
        var id = existing?.ClaimId ?? "<claimId>";
        if (existing is not null && ClaimWaiter.NeedsAdjuster(existing))
        {
            return new($"{message} It waits for an adjuster ({string.Join(", ", existing.Actions)}): see 'durableclaims status {id}', or use another --data-dir.");
        }

        return existing?.Status is ClaimStatusCodes.Running or ClaimStatusCodes.Paused && !ClaimWaiter.IsFinished(existing)
            ? new($"{message} Deliver its documents with 'resume', look at it with 'status', or use another --data-dir.")
            : new($"{message} Look at it with 'status', give the new claim another claimId, remove the old one with 'durableclaims delete {id} --yes', or use another --data-dir.");
    }

    [GeneratedRegex(@"\s*DELETE \S+ removes it[^.]*\.")]
    private static partial Regex DeleteRoute();
}

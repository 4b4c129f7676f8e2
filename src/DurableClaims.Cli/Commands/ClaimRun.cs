using System.CommandLine;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary>What process and resume share: the -o and --timeout options, waiting with progress, result files and the summary.</summary>
internal sealed class ClaimRun
{
    public Option<string?> OutputDirectory { get; } = new("--output", "-o")
    {
        Description = "Folder for decision.json, handoff_package.md / denial_package.md and missing_documents.json.",
        HelpName = "DIR",
    };

    public Option<TimeSpan> Timeout { get; } = Input.DurationParser.CreateOption(
        "--timeout", "How long to wait for the claim to pause or end (e.g. 90s, 10m).", "10m");

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Add(OutputDirectory);
        command.Add(Timeout);
    }

    /// <summary>Waits until the claim pauses or ends, writes the result files and shows the outcome; 0 for any outcome.</summary>
    public async Task<int> FinishAsync(
        ParseResult parseResult,
        CommandContext context,
        IClaimsClient client,
        IClaimChangeSignal signal,
        string claimId,
        AwaitedEvent? awaited,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        var timeout = parseResult.GetValue(Timeout);
        var outputDirectory = parseResult.GetValue(OutputDirectory);

        var view = await Output.ClaimProgress.RunAsync(
            context.Output,
            $"Running claim {claimId}…",
            progress => ClaimWaiter.WaitUntilSettledAsync(client, signal, claimId, awaited, timeout, progress, cancellationToken));
        CliLog.ClaimSettled(context.Logger, view.ClaimId, view.Status, view.Reason);

        IReadOnlyList<string> files = [];
        if (!string.IsNullOrWhiteSpace(outputDirectory))
        {
            var package = view.Status is ClaimStatusCodes.Approved or ClaimStatusCodes.Denied
                ? await client.GetPackageAsync(claimId, cancellationToken)
                : null;
            files = await OutputFiles.WriteAsync(outputDirectory, view, package is { IsSuccess: true } ? package.Value : null, cancellationToken);
            foreach (var file in files)
            {
                CliLog.FileWritten(context.Logger, file);
            }
        }

        if (context.Output.Json)
        {
            context.Output.WriteJson(view, CliJson.Options);
        }
        else
        {
            StatusRenderer.WriteSummary(context.Output.Console, view, files);
        }

        return ExitCodes.Success;
    }
}

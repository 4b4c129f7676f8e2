using System.CommandLine;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary>What review, reopen, retry and close share: send the action, then run the claim to its next stop like process does.</summary>
internal static class AdjusterActionRun
{
    /// <summary>Creates the --adjuster option every action needs.</summary>
    public static Option<string> AdjusterOption() => new("--adjuster") { Description = "Who acts; recorded on the claim's timeline.", HelpName = "NAME", Required = true };

    /// <summary>Creates the --notes option: why, recorded with the action.</summary>
    public static Option<string?> NotesOption() => new("--notes") { Description = "Why; recorded on the claim's timeline.", HelpName = "TEXT" };

    /// <summary>Creates <paramref name="name"/> &lt;claimId&gt; --adjuster NAME [--notes TEXT] [-o DIR] [--timeout D] (plus <paramref name="extra"/>), sending what <paramref name="send"/> builds.</summary>
    public static Command Create(
        GlobalOptions globals,
        string name,
        string description,
        string claimDescription,
        IReadOnlyList<Option> extra,
        Func<IClaimsClient, string, ParseResult, AdjusterActionRequest, CancellationToken, Task<ApiResult<AdjusterActionAccepted>>> send)
    {
        ArgumentNullException.ThrowIfNull(extra);
        ArgumentNullException.ThrowIfNull(send);
        var claimId = new Argument<string>("claimId") { Description = claimDescription };
        var adjuster = AdjusterOption();
        var notes = NotesOption();
        var run = new ClaimRun();
        var command = new Command(name, description) { claimId, adjuster, notes };
        foreach (var option in extra)
        {
            command.Add(option);
        }

        run.AddTo(command);
        CommandRunner.SetAction(command, globals, (parseResult, context, cancellationToken) =>
        {
            var id = parseResult.GetValue(claimId)!;
            var request = new AdjusterActionRequest(parseResult.GetValue(adjuster), parseResult.GetValue(notes));
            return RunAsync(parseResult, context, run, id, client => send(client, id, parseResult, request, cancellationToken), cancellationToken);
        });
        return command;
    }

    /// <summary>Sends <paramref name="send"/> and waits until the claim has taken it and pauses, needs an adjuster again or ends.</summary>
    /// <remarks>
    /// The history is counted before sending: a retry that fails again stops at the same status it started
    /// from, so only the consumed event tells the new stop from the old one.
    /// </remarks>
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        CommandContext context,
        ClaimRun run,
        string claimId,
        Func<IClaimsClient, Task<ApiResult<AdjusterActionAccepted>>> send,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(send);
        await using var client = await context.OpenClientAsync(cancellationToken);
        using var signal = client.WatchClaims();
        var before = await client.GetClaimAsync(claimId, cancellationToken);

        // A review pause takes its own event; a claim that needs an adjuster takes every action on AdjusterAction.
        // An unknown claim is left to the action, whose answer reports bad input before the missing claim.
        // A claim waiting for documents takes a reminder on AdjusterAction as well (workflow version 2 on).
        var eventName = before is { IsSuccess: true } && (ClaimAwaiting.IsAdjusterAction(before.Value!.Awaiting) || before.Value.Awaiting == ClaimAwaiting.Documents)
            ? ClaimWorkflow.Events.AdjusterAction
            : ClaimWorkflow.Events.AdjusterDecision;
        var awaited = new AwaitedEvent(eventName, (await client.GetHistorySummaryAsync(claimId, cancellationToken)).Raised(eventName) + 1);
        var accepted = Require(await send(client), claimId);
        context.Output.WriteLine($"{accepted.Adjuster}: {accepted.Action} sent to claim {accepted.ClaimId}.");
        return await run.FinishAsync(parseResult, context, client, signal, claimId, awaited, cancellationToken);
    }

    /// <summary>Like <see cref="ApiResults.Require{T}"/>, with the commands of the actions a refused claim does take.</summary>
    public static T Require<T>(ApiResult<T> result, string claimId)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Kind != ApiResultKind.Conflict || Actions(result.Problem?.Extensions?.GetValueOrDefault("actions")) is not { Count: > 0 } actions)
        {
            return ApiResults.Require(result);
        }

        var commands = actions.Select(a => a == AdjusterActions.Decide ? $"durableclaims review {claimId} --decision approve|deny --adjuster <name>" : $"durableclaims {a} {claimId} --adjuster <name>");
        var problem = result.Problem!;
        throw new CliInputException(string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title : problem.Detail, [.. commands]);
    }

    /// <summary>The actions a 409 names: a list in-process, a JSON array over HTTP.</summary>
    private static List<string>? Actions(object? value) => value switch
    {
        IEnumerable<string> list => [.. list],
        JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(e => e.GetString()).OfType<string>()],
        _ => null,
    };
}

using System.CommandLine;
using System.Globalization;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using DurableClaims.Contracts;

namespace DurableClaims.Cli.Commands;

/// <summary><c>list-sessions [--status S] [--archived] [--top N]</c>: list claims with their status.</summary>
internal static class ListSessionsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var status = new Option<string?>("--status")
        {
            Description = $"Only claims with this status (comma-separated: {string.Join(", ", ClaimStatusCodes.All)}).",
            HelpName = "STATUS",
        };
        var archived = new Option<bool>("--archived") { Description = "List archived sessions (finished claims moved to the archive area)." };
        var top = new Option<int>("--top")
        {
            Description = "List at most this many claims.",
            HelpName = "N",
            DefaultValueFactory = _ => 1000,
        };
        var command = new Command("list-sessions", "List claims and their status, newest activity first.") { status, archived, top };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            var limit = parseResult.GetValue(top);
            if (limit < 1)
            {
                throw new CliInputException("--top must be at least 1.");
            }

            await using var client = await context.OpenClientAsync(cancellationToken);
            var claims = parseResult.GetValue(archived)
                ? await ListArchivedAsync(client, parseResult.GetValue(status), limit, cancellationToken)
                : await ListAllAsync(client, parseResult.GetValue(status), limit, cancellationToken);
            if (context.Output.Json)
            {
                context.Output.WriteJson(claims, CliJson.Options);
            }
            else
            {
                StatusRenderer.WriteList(context.Output.Console, claims);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Follows the continuation token until <paramref name="limit"/> claims or the last page.</summary>
    private static async Task<List<ClaimStatusView>> ListAllAsync(IClaimsClient client, string? status, int limit, CancellationToken cancellationToken)
    {
        var claims = new List<ClaimStatusView>();
        string? token = null;
        do
        {
            var pageSize = Math.Min(limit - claims.Count, 100).ToString(CultureInfo.InvariantCulture);
            var page = ApiResults.Require(await client.ListClaimsAsync(new ClaimListRequest(status, null, null, pageSize, token), cancellationToken));
            claims.AddRange(page.Claims);
            token = page.ContinuationToken;
        }
        while (token is not null && claims.Count < limit);

        return claims
            .OrderByDescending(c => c.LastUpdatedTime)
            .Take(limit)
            .ToList();
    }

    private static async Task<List<ClaimStatusView>> ListArchivedAsync(IClaimsClient client, string? status, int limit, CancellationToken cancellationToken)
    {
        var statuses = (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant())
            .ToList();
        if (statuses.FirstOrDefault(s => !ClaimStatusCodes.All.Contains(s)) is { } bad)
        {
            throw new CliInputException($"'{bad}' is not a claim status ({string.Join(", ", ClaimStatusCodes.All)}).");
        }

        return [.. await client.ListArchivedAsync(statuses.Count == 0 ? null : statuses, limit, cancellationToken)];
    }
}

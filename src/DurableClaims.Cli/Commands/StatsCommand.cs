using System.CommandLine;
using System.Globalization;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Output;
using DurableClaims.Contracts;
using Spectre.Console;

namespace DurableClaims.Cli.Commands;

/// <summary><c>stats</c>: totals by status, success rate, average rounds and time paused.</summary>
internal static class StatsCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("stats", "Show claim statistics: totals by status, success rate, average rounds, average time paused.");
        CommandRunner.SetAction(command, globals, async (_, context, cancellationToken) =>
        {
            await using var client = await context.OpenClientAsync(cancellationToken);
            var stats = ApiResults.Require(await client.GetStatsAsync(cancellationToken));
            if (context.Output.Json)
            {
                context.Output.WriteJson(stats, CliJson.Options);
            }
            else
            {
                Write(context.Output.Console, stats);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, ClaimStatistics stats)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Statistic").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Claims", Number(stats.Total));
        foreach (var (status, count) in stats.ByStatus)
        {
            table.AddRow($"  [{StatusRenderer.Colour(status)}]{Markup.Escape(status)}[/]", Number(count));
        }

        foreach (var (type, count) in stats.ByClaimType)
        {
            table.AddRow($"  type {Markup.Escape(type)}", Number(count));
        }

        table.AddRow("Finished", Number(stats.Completed));
        table.AddRow("Success rate (approved ÷ finished)", stats.SuccessRate.ToString("0.0%", CultureInfo.InvariantCulture));
        table.AddRow("Average rounds", stats.AverageRounds.ToString("0.##", CultureInfo.InvariantCulture));
        table.AddRow("Claims that paused", Number(stats.PausedClaims));
        table.AddRow("Average time paused", Markup.Escape(Duration(stats.AveragePausedSeconds)));
        console.Write(table);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Duration(double seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? span.ToString(@"d\d\ hh\h\ mm\m", CultureInfo.InvariantCulture)
            : span.TotalHours >= 1 ? span.ToString(@"h\h\ mm\m", CultureInfo.InvariantCulture)
            : span.ToString(@"m\m\ ss\s", CultureInfo.InvariantCulture);
    }
}

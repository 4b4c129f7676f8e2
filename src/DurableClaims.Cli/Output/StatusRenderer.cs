using System.Globalization;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Contracts;
using Spectre.Console;

namespace DurableClaims.Cli.Output;

/// <summary>Renders claim status objects for people: a summary table per claim, a table row per claim in lists.</summary>
internal static class StatusRenderer
{
    /// <summary>Writes the summary table of one claim, plus the files written, if any.</summary>
    public static void WriteSummary(IAnsiConsole console, ClaimStatusView view, IReadOnlyList<string>? files = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(view);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        table.Title = new TableTitle($"Claim {Markup.Escape(view.ClaimId)}");
        Row(table, "Status", $"[{Colour(view.Status)}]{Markup.Escape(view.Status)}[/]", escape: false);
        Row(table, "Reason", view.Reason);
        Row(table, "Detail", view.Detail);
        if (ClaimWaiter.NeedsAdjuster(view))
        {
            Row(table, "Open", WaitingForAdjuster(view));
            Row(table, "Closes", view.Deadline is { } closesAt ? $"{Time(closesAt)} as {view.Status}, unless an adjuster acts first" : null);
        }
        else
        {
            Row(table, "Deadline", view.Deadline is { } deadline ? Time(deadline) : null);
        }

        Row(table, "Phase", view.Phase);
        Row(table, "Rounds", view.Rounds.ToString(CultureInfo.InvariantCulture));
        Row(table, "Risk score", view.RiskScore?.ToString("0.00", CultureInfo.InvariantCulture));
        Row(table, "Missing documents", Join(view.MissingDocuments));
        Row(table, "Received documents", Join(view.ReceivedDocuments));
        if (view.Decision is { } decision)
        {
            Row(table, "Decision", $"{decision.Outcome} (by {decision.DecidedBy}{(decision.Adjuster is null ? string.Empty : ": " + decision.Adjuster)})");
            Row(table, "Claimed amount", Money(decision.ClaimedAmount, decision.Currency));
            Row(table, "Deductible", Money(decision.Deductible, decision.Currency));
            Row(table, "Coverage limit", Money(decision.CoverageLimit, decision.Currency));
            Row(table, "Payable amount", $"[bold]{Markup.Escape(Money(decision.PayableAmount, decision.Currency))}[/]", escape: false);
            Row(table, "Reasons", decision.Reasons.Count == 0 ? null : string.Join(Environment.NewLine, decision.Reasons));
        }

        Row(table, "Upload URL", view.UploadUrl);
        Row(table, "Runtime status", view.RuntimeStatus);
        Row(table, "Created", Time(view.CreatedTime));
        Row(table, "Last updated", Time(view.LastUpdatedTime));
        if (files is { Count: > 0 })
        {
            Row(table, "Files written", string.Join(Environment.NewLine, files));
        }

        console.Write(table);
        console.WriteLine(Hint(view));
    }

    /// <summary>Writes one row per claim.</summary>
    public static void WriteList(IAnsiConsole console, IReadOnlyList<ClaimStatusView> claims)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(claims);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Claim", "Status", "Reason", "Phase", "Rounds", "Missing documents", "Last updated");
        foreach (var claim in claims)
        {
            table.AddRow(
                Markup.Escape(claim.ClaimId),
                $"[{Colour(claim.Status)}]{Markup.Escape(claim.Status)}[/]" + (ClaimWaiter.NeedsAdjuster(claim) ? Markup.Escape($" (open: {claim.Awaiting})") : string.Empty),
                Markup.Escape(claim.Reason ?? "-"),
                Markup.Escape(claim.Phase ?? "-"),
                claim.Rounds.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(Join(claim.MissingDocuments) ?? "-"),
                Time(claim.LastUpdatedTime));
        }

        console.Write(table);
        console.WriteLine(claims.Count == 1 ? "1 claim" : $"{claims.Count} claims");
    }

    /// <summary>Returns the next step a person would take for a claim in this state.</summary>
    public static string Hint(ClaimStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (ClaimWaiter.NeedsAdjuster(view))
        {
            return AdjusterHint(view);
        }

        return view.Status switch
        {
            ClaimStatusCodes.Paused when view.MissingDocuments.Count > 0
                => $"Paused until the documents arrive: durableclaims resume {view.ClaimId} -d <folder with {string.Join(", ", view.MissingDocuments)}>"
                + (view.Actions.Contains(AdjusterActions.Remind) ? $"{Environment.NewLine}  remind the customer now: durableclaims remind {view.ClaimId} --adjuster <name> [--notes <text>]" : string.Empty),
            ClaimStatusCodes.Paused => $"Paused for an adjuster review: durableclaims review {view.ClaimId} --decision approve|deny --adjuster <name>",
            ClaimStatusCodes.Running => $"Still running; check again with: durableclaims status {view.ClaimId}",
            _ => $"Claim {view.Status}" + (view.Reason is null ? "." : $" ({view.Reason})."),
        };
    }

    /// <summary>Returns "waiting for an adjuster: decide, reopen, close" for a claim that needs one.</summary>
    public static string WaitingForAdjuster(ClaimStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return "waiting for an adjuster: " + string.Join(", ", view.Actions);
    }

    /// <summary>The commands of each action the claim takes, and when it closes by itself.</summary>
    private static string AdjusterHint(ClaimStatusView view)
    {
        var closes = view.Deadline is { } closesAt
            ? $"; otherwise it closes as {view.Status} at {Time(closesAt)}"
            : $"; otherwise it closes as {view.Status} once Claims:AutoCloseAfter passes";
        var lines = new List<string> { $"Claim {view.Status}, {WaitingForAdjuster(view)}{closes}." };
        foreach (var action in view.Actions)
        {
            lines.Add("  " + action switch
            {
                AdjusterActions.Decide => $"durableclaims review {view.ClaimId} --decision approve|deny --adjuster <name> [--amount N] [--notes <text>]",
                AdjusterActions.Reopen => $"durableclaims reopen {view.ClaimId} --adjuster <name> [--documents <type1,type2>] [--notes <text>]",
                AdjusterActions.Retry => $"durableclaims retry {view.ClaimId} --adjuster <name> [--notes <text>]",
                _ => $"durableclaims {action} {view.ClaimId} --adjuster <name> [--notes <text>]",
            });
        }

        return string.Join(Environment.NewLine, lines);
    }

    public static string Colour(string status) => status switch
    {
        ClaimStatusCodes.Approved => "green",
        ClaimStatusCodes.Denied => "red",
        ClaimStatusCodes.Paused => "yellow",
        ClaimStatusCodes.Running => "blue",
        _ => "darkorange",
    };

    public static string Money(decimal amount, string currency)
        => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency;

    public static string Time(DateTimeOffset time)
        => time == default ? "-" : time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Join(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join(", ", items);

    private static void Row(Table table, string field, string? value, bool escape = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        table.AddRow(Markup.Escape(field), escape ? Markup.Escape(value) : value);
    }
}

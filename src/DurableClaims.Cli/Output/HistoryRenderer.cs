using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Cli.Clients;
using DurableClaims.Contracts;
using Spectre.Console;

namespace DurableClaims.Cli.Output;

/// <summary>Renders a claim's chat history and lifecycle events for people.</summary>
internal static class HistoryRenderer
{
    private static readonly JsonSerializerOptions CompactJson = new(CliJson.Options) { WriteIndented = false };

    public static void WriteMessages(IAnsiConsole console, IReadOnlyList<HistoryMessageView> messages)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(messages);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Time", "Author", "Role", "Message");
        foreach (var message in messages)
        {
            table.AddRow(
                StatusRenderer.Time(message.Timestamp),
                Markup.Escape(message.Author),
                Markup.Escape(message.Role),
                Markup.Escape(message.Content));
        }

        console.Write(table);
        console.WriteLine(messages.Count == 1 ? "1 message" : $"{messages.Count} messages");
    }

    public static void WriteEvents(IAnsiConsole console, IReadOnlyList<ClaimLifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(events);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Time", "Event", "Data");
        foreach (var lifecycleEvent in events)
        {
            var data = lifecycleEvent.Data is { Count: > 0 }
                ? JsonSerializer.Serialize(lifecycleEvent.Data, CompactJson)
                : string.Empty;
            table.AddRow(StatusRenderer.Time(lifecycleEvent.Timestamp), Markup.Escape(lifecycleEvent.Type), Markup.Escape(data));
        }

        console.Write(table);
        console.WriteLine(events.Count == 1 ? "1 event" : $"{events.Count} events");
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Management;

/// <summary>The instance status JSON of Durable Functions' HTTP API (field names exactly as Functions writes them).</summary>
public sealed record DurableStatusPayload
{
    public required string Name { get; init; }

    public required string InstanceId { get; init; }

    public required string RuntimeStatus { get; init; }

    public JsonElement? Input { get; init; }

    public JsonElement? CustomStatus { get; init; }

    public JsonElement? Output { get; init; }

    public required string CreatedTime { get; init; }

    public required string LastUpdatedTime { get; init; }

    /// <summary>Gets the history (only with showHistory=true; Functions writes these in PascalCase).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<IReadOnlyDictionary<string, object?>>? HistoryEvents { get; init; }

    /// <summary>Formats a time as Durable Functions does: UTC, seconds precision, "Z".</summary>
    public static string FormatTime(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Builds the payload from engine metadata.</summary>
    public static DurableStatusPayload From(OrchestrationMetadata metadata, bool showInput, IReadOnlyList<HistoryEntry>? history, bool showHistoryOutput)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var output = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Failed && metadata.FailureDetails is not null
            ? JsonSerializer.SerializeToElement(metadata.FailureDetails.ErrorMessage)
            : Parse(metadata.SerializedOutput);
        return new DurableStatusPayload
        {
            Name = metadata.Name,
            InstanceId = metadata.InstanceId,
            RuntimeStatus = metadata.RuntimeStatus.ToString(),
            Input = showInput ? Parse(metadata.SerializedInput) : null,
            CustomStatus = Parse(metadata.SerializedCustomStatus),
            Output = output,
            CreatedTime = FormatTime(metadata.CreatedAt),
            LastUpdatedTime = FormatTime(metadata.LastUpdatedAt),
            HistoryEvents = history?.Select(e => ToHistoryEvent(e, showHistoryOutput)).ToList(),
        };
    }

    private static Dictionary<string, object?> ToHistoryEvent(HistoryEntry e, bool showOutput)
    {
        var item = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["EventType"] = e.EventType,
            ["Timestamp"] = e.Timestamp.UtcDateTime.ToString("o", CultureInfo.InvariantCulture),
        };
        if (e.TaskId >= 0)
        {
            item["EventId"] = e.TaskId;
        }

        if (e.Name is not null)
        {
            item["FunctionName"] = e.Name;
        }

        if (e.Data is not null && (showOutput || !e.IsResult))
        {
            item[e.IsResult ? "Result" : "Input"] = Parse(e.Data);
        }

        return item;
    }

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // Custom statuses and outputs are JSON by contract; anything else is shown as a string.
            return JsonSerializer.SerializeToElement(json);
        }
    }
}

using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;

namespace DurableClaims.DurableTask.Sqlite.Storage;

/// <summary>DurableTask.Core's own JSON form (type names included) for stored events and messages, so any DurableTask.Core reader can load them.</summary>
internal static class CoreJson
{
    private static readonly JsonDataConverter Converter = JsonDataConverter.Default;

    public static string Serialize(object value) => Converter.Serialize(value);

    public static TaskMessage Message(string json) => Converter.Deserialize<TaskMessage>(json);

    public static List<HistoryEvent> Events(string json) => Converter.Deserialize<List<HistoryEvent>>(json);

    public static T? Read<T>(string? json)
        where T : class => json is null ? null : Converter.Deserialize<T>(json);
}

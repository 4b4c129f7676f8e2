using System.Runtime.CompilerServices;
using DurableTask.Core.History;
using DurableTask.Core.Serializing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Reads the history JSON a service client returns: DurableTask.Core's typed form, or plain objects told apart by <c>EventType</c> (Azure Storage).</summary>
internal static class HistoryJson
{
    private static readonly Lazy<Dictionary<EventType, Type>> EventTypes = new(Discover);

    private static readonly JsonSerializer Plain = JsonSerializer.Create(new JsonSerializerSettings
    {
        ConstructorHandling = ConstructorHandling.AllowNonPublicDefaultConstructor,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
    });

    /// <summary>Returns the events; <see cref="JsonException"/> when an entry is neither form.</summary>
    public static List<HistoryEvent> Read(string json)
    {
        var items = JArray.Parse(json);
        if (items.All(item => item is JObject o && o.ContainsKey("$type")))
        {
            return JsonDataConverter.Default.Deserialize<List<HistoryEvent>>(json);
        }

        var events = new List<HistoryEvent>(items.Count);
        foreach (var item in items)
        {
            var eventType = item is JObject o && o.TryGetValue(nameof(HistoryEvent.EventType), out var token)
                ? token.ToObject<EventType>()
                : throw new JsonSerializationException("A history entry has no EventType.");
            var type = EventTypes.Value.TryGetValue(eventType, out var known)
                ? known
                : throw new JsonSerializationException($"History event type {eventType} is not known to DurableTask.Core.");
            events.Add((HistoryEvent)(item.ToObject(type, Plain) ?? throw new JsonSerializationException("A history entry is null.")));
        }

        return events;
    }

    // Each concrete HistoryEvent reports its EventType from a getter that needs no state, so an uninitialised instance tells it.
    private static Dictionary<EventType, Type> Discover() => typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract)
        .Select(t => (Type: t, Event: (HistoryEvent)RuntimeHelpers.GetUninitializedObject(t)))
        .GroupBy(x => x.Event.EventType)
        .ToDictionary(g => g.Key, g => g.First().Type);
}

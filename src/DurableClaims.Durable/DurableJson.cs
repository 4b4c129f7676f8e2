using System.Text.Json;
using System.Text.Json.Serialization;

namespace DurableClaims.Durable;

/// <summary>The JSON settings the engine uses for inputs, outputs, events and custom status.</summary>
public static class DurableJson
{
    /// <summary>Gets the shared serializer options (web defaults, camelCase, enums as strings).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value; null stays null.</summary>
    public static string? Serialize(object? value)
        => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    /// <summary>Deserializes a value; null or empty gives default.</summary>
    public static T? Deserialize<T>(string? json)
        => string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace DurableClaims.Contracts;

/// <summary>The JSON of the claims workflow's inputs, outputs, events and custom status, on every host.</summary>
/// <remarks>
/// The local worker and client get <see cref="Converter"/> from DI and the Functions app sets the same
/// options on its worker serializer, so an instance written by one host reads the same on the other.
/// </remarks>
public static class ClaimsJson
{
    /// <summary>Gets the shared serializer options (web defaults, camelCase, enums as strings, nulls omitted).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Gets Microsoft's JSON data converter over <see cref="Options"/>.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(Options);

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

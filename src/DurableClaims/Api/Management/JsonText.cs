using System.Text.Json;

namespace DurableClaims.Api.Management;

/// <summary>Checks that every property name and string of a parsed JSON document is valid Unicode.</summary>
/// <remarks>
/// <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> accepts escapes such as a lone <c>"\ud800"</c> and only
/// throws when the text is read; a payload stored or raised as it is would fail later, far from the request that sent it.
/// </remarks>
public static class JsonText
{
    /// <summary>Returns the JSON path of the first name or string that is not valid Unicode, or null when all are.</summary>
    public static string? FindInvalidText(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return TryRead(() => element.GetString()) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FindInvalidText(item, $"{path}[{index++}]") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string? name = null;
                    if (!TryRead(() => name = property.Name))
                    {
                        return path;
                    }

                    if (FindInvalidText(property.Value, $"{path}.{name}") is { } bad)
                    {
                        return bad;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool TryRead(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

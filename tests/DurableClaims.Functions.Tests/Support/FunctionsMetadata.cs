using System.Reflection;
using System.Text.Json;

namespace DurableClaims.Functions.Tests.Support;

/// <summary>One function of the Functions app as its build indexed it in functions.metadata.</summary>
internal sealed record IndexedFunction(string Name, string TriggerType, string? Route, IReadOnlyList<string> Methods);

/// <summary>Reads the functions.metadata that the Functions SDK generated when it built src/DurableClaims.Functions.</summary>
internal static class FunctionsMetadata
{
    private static readonly Lazy<IReadOnlyList<IndexedFunction>> LazyFunctions = new(Load);

    public static IReadOnlyList<IndexedFunction> Functions => LazyFunctions.Value;

    private static List<IndexedFunction> Load()
    {
        var path = typeof(FunctionsMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsMetadata").Value!;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(function =>
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            return new IndexedFunction(
                function.GetProperty("name").GetString()!,
                trigger.GetProperty("type").GetString()!,
                trigger.TryGetProperty("route", out var route) ? route.GetString() : null,
                trigger.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList() : []);
        }).ToList();
    }
}

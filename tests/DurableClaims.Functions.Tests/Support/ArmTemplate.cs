using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DurableClaims.Functions.Tests.Support;

/// <summary>A compiled ARM template (bicep build output) with helpers to read its nested module deployments.</summary>
internal sealed partial class ArmTemplate
{
    private readonly JsonObject _root;

    private ArmTemplate(JsonObject root, ArmTemplate? parent)
    {
        _root = root;
        Parent = parent;
    }

    /// <summary>Gets the template this one is nested in (a module's caller).</summary>
    public ArmTemplate? Parent { get; }

    /// <summary>Gets the template's JSON.</summary>
    public JsonObject Json => _root;

    /// <summary>Parses the JSON that bicep build wrote.</summary>
    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new InvalidDataException("Empty template."), null);

    /// <summary>Gets the template's resources (both the array and the symbolic-name object forms).</summary>
    public IEnumerable<JsonObject> Resources => _root["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
        _ => [],
    };

    /// <summary>Gets the resources of a type in this template.</summary>
    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets every resource of a type in this template and in all nested module templates.</summary>
    public IEnumerable<(ArmTemplate Template, JsonObject Resource)> AllResourcesOfType(string type)
    {
        foreach (var resource in ResourcesOfType(type))
        {
            yield return (this, resource);
        }

        foreach (var module in Modules)
        {
            foreach (var nested in module.Template.AllResourcesOfType(type))
            {
                yield return nested;
            }
        }
    }

    /// <summary>Gets the module deployments declared in this template.</summary>
    public IEnumerable<(string Name, JsonObject Deployment, ArmTemplate Template)> Modules =>
        ResourcesOfType("Microsoft.Resources/deployments")
            .Where(d => d["properties"]?["template"] is JsonObject)
            .Select(d => ((string)d["name"]!, d, new ArmTemplate(d["properties"]!["template"]!.AsObject(), this)));

    /// <summary>Gets the module deployment named <paramref name="name"/>.</summary>
    public (JsonObject Deployment, ArmTemplate Template) Module(string name)
    {
        var match = Modules.Where(m => m.Name == name).Select(m => (m.Deployment, m.Template)).ToList();
        return match.Count == 1 ? match[0] : throw new KeyNotFoundException($"No module deployment '{name}'.");
    }

    /// <summary>Gets the value a module deployment passes for <paramref name="parameter"/>, resolving simple variable references.</summary>
    public JsonNode? ModuleParameter(string module, string parameter) =>
        Resolve(Module(module).Deployment["properties"]?["parameters"]?[parameter]?["value"]);

    /// <summary>Gets the template variable <paramref name="name"/> with simple variable references resolved.</summary>
    public JsonNode? Variable(string name) => Resolve(_root["variables"]?[name]);

    /// <summary>Replaces "[variables('x')]" strings (also inside arrays and objects) by the variable's value.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text) && VariableReference().Match(text) is { Success: true } m:
                return Variable(m.Groups["name"].Value);
            case JsonArray array:
                return new JsonArray(array.Select(item => Resolve(item)?.DeepClone()).ToArray());
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value)?.DeepClone();
                }

                return copy;
            default:
                return node;
        }
    }

    /// <summary>Reads a node as a list of strings (after resolving variables).</summary>
    public IReadOnlyList<string> Strings(JsonNode? node) =>
        Resolve(node) is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? string.Empty).ToList() : [];

    /// <inheritdoc />
    public override string ToString() => _root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    [GeneratedRegex(@"^\[variables\('(?<name>[^']+)'\)\]$")]
    private static partial Regex VariableReference();
}

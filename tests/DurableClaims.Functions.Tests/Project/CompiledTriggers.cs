using System.Reflection;
using DurableClaims.Functions.Functions;
using Microsoft.Azure.Functions.Worker;

namespace DurableClaims.Functions.Tests.Project;

/// <summary>One function of the compiled Functions app: its method and the attribute of its trigger parameter.</summary>
public sealed record CompiledFunction(string Name, MethodInfo Method, ParameterInfo Trigger, Attribute TriggerAttribute);

/// <summary>The functions of the compiled app, read from its [Function] methods (what the SDK's generator indexes into functions.metadata).</summary>
public static class CompiledTriggers
{
    private static readonly Lazy<IReadOnlyList<CompiledFunction>> LazyAll = new(Load);

    public static IReadOnlyList<CompiledFunction> All => LazyAll.Value;

    /// <summary>Gets the HTTP triggers: function name, upper-case methods and route template.</summary>
    public static IEnumerable<(string Name, IReadOnlyList<string> Methods, string Route)> Http =>
        All.Where(f => f.TriggerAttribute is HttpTriggerAttribute)
            .Select(f => (HttpTriggerAttribute)f.TriggerAttribute is var http
                ? (f.Name, (IReadOnlyList<string>)(http.Methods ?? []).Select(m => m.ToUpperInvariant()).ToList(), http.Route!)
                : default);

    private static List<CompiledFunction> Load() =>
        typeof(ClaimsFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .Select(x =>
            {
                var trigger = x.Method.GetParameters()
                    .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes().SingleOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))))
                    .Single(p => p.Attribute is not null);
                return new CompiledFunction(x.Function!.Name, x.Method, trigger.Parameter, trigger.Attribute!);
            })
            .ToList();
}

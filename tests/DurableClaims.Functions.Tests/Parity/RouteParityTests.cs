using System.Reflection;
using System.Text.RegularExpressions;
using DurableClaims.Api;
using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Parity;

/// <summary>Both hosts expose the same routes: every template comes from the shared <see cref="ApiRoutes"/> table.</summary>
/// <remarks>
/// functions.metadata proves which routes the Functions app serves (Metadata/FunctionsMetadataTests); here the
/// sources are read for what the index does not hold (the route constants' names). Functions prefixes its HTTP
/// routes with host.json's routePrefix ("api", = <see cref="ApiRoutes.ApiPrefix"/>) and serves the
/// Durable management API under runtime/webhooks/durabletask itself, so only app routes appear in
/// its triggers; the local host maps the same app routes inside an "/api" group plus the
/// management routes.
/// </remarks>
public sealed partial class RouteParityTests
{
    private static readonly HashSet<string> NonRouteConstants = new(StringComparer.Ordinal)
    {
        nameof(ApiRoutes.ApiPrefix), nameof(ApiRoutes.ContinuationTokenHeader), nameof(ApiRoutes.FunctionKeyHeader), nameof(ApiRoutes.FunctionKeyQuery),
    };

    [Fact]
    public void ManagementRoutes_ShouldAllLieUnderTheDurableWebhookBase()
    {
        // Functions serves these itself; a trigger cannot take them (they are outside routePrefix).
        var management = RouteConstants().Where(r => !AppRoutes().ContainsKey(r.Key)).ToList();

        Assert.NotEmpty(management);
        Assert.All(management, r => Assert.StartsWith("runtime/webhooks/durabletask", r.Value, StringComparison.Ordinal));
        Assert.All(AppRoutes().Values, template => Assert.False(template.StartsWith('/') || template.StartsWith(ApiRoutes.ApiPrefix + "/", StringComparison.Ordinal),
            $"app route '{template}' must be relative to the api prefix"));
    }

    [Fact]
    public void FunctionsAndLocalHost_ShouldMapTheSameMethodsOnEachAppRoute()
    {
        var functions = FunctionsTriggerRoutes().Select(r => $"{r.Method} {r.Name}").ToHashSet(StringComparer.Ordinal);
        var local = LocalHostRoutes().Where(r => AppRoutes().ContainsKey(r.Name)).Select(r => $"{r.Method} {r.Name}").ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(local);

        Assert.Empty(local.Except(functions).Order());
        Assert.Empty(functions.Except(local).Order());
    }

    private static Dictionary<string, string> RouteConstants() =>
        typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && !NonRouteConstants.Contains(f.Name))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);

    private static Dictionary<string, string> AppRoutes() =>
        RouteConstants().Where(r => !r.Value.StartsWith(ApiRoutes.DurableBase, StringComparison.Ordinal))
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    private static IEnumerable<(string Method, string Name)> FunctionsTriggerRoutes() =>
        FunctionsSources.HttpTriggers
            .Select(t => (t.Methods, Match: TableReference().Match(t.Route)))
            .Where(t => t.Match.Success)
            .SelectMany(t => t.Methods.Where(m => m != "OPTIONS").Select(m => (m, t.Match.Groups["name"].Value)));

    private static IEnumerable<(string Method, string Name)> LocalHostRoutes()
    {
        var folder = RepositoryPaths.Of("src/DurableClaims.Host");
        var code = string.Join("\n", Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        return LocalMap().Matches(code).Select(m => (m.Groups["verb"].Value.ToUpperInvariant(), m.Groups["name"].Value));
    }

    [GeneratedRegex(@"^ApiRoutes\.(?<name>\w+)$")]
    private static partial Regex TableReference();

    [GeneratedRegex(@"\.Map(?<verb>Get|Post|Put|Delete|Patch)\(\s*ApiRoutes\.(?<name>\w+)")]
    private static partial Regex LocalMap();
}

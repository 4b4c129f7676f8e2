using System.Reflection;
using System.Text.RegularExpressions;
using DurableClaims.Api;
using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Parity;

/// <summary>Both hosts expose the same routes: every template comes from the shared <see cref="ApiRoutes"/> table.</summary>
/// <remarks>
/// The Functions app is read as source text (it cannot be built here). Functions prefixes its HTTP
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
    public void EveryAppRouteInTheSharedTable_ShouldBeServedByAFunctionsHttpTrigger()
    {
        var served = FunctionsTriggerRoutes().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        var missing = AppRoutes().Keys.Where(name => !served.Contains(name)).ToList();

        Assert.True(missing.Count == 0, "No Functions HTTP trigger uses ApiRoutes." + string.Join(", ApiRoutes.", missing));
    }

    [Fact]
    public void EveryFunctionsHttpTrigger_ShouldTakeItsRouteFromTheSharedTable()
    {
        var triggers = FunctionsSources.HttpTriggers;
        Assert.NotEmpty(triggers);

        var appRoutes = AppRoutes();
        Assert.All(triggers, t =>
        {
            var match = TableReference().Match(t.Route);
            Assert.True(match.Success, $"Route = {t.Route} is not an ApiRoutes constant");
            Assert.True(appRoutes.ContainsKey(match.Groups["name"].Value),
                $"ApiRoutes.{match.Groups["name"].Value} is not an app route (management routes are built into Durable Functions)");
        });
    }

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

using System.Reflection;
using DurableClaims.Api;
using DurableClaims.Host.Extensions;
using DurableClaims.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DurableClaims.Functions.Tests.Project;

/// <summary>The Functions app and the local host serve the same API: each named endpoint on the same methods and route.</summary>
/// <remarks>
/// The local host's endpoints are read from its route table as it builds it (AddDurableClaimsHost and
/// MapDurableClaimsHost, not started); the app's from its compiled triggers. Functions adds host.json's "api"
/// prefix itself and serves the Durable management API built in, so only the local host's app routes count.
/// The live streams (<see cref="ClaimStreamRoutes"/>) are the local host's alone: a server-sent-events stream would
/// hold a Functions instance for its whole length, so the console polls the Functions app instead (docs/console.md).
/// </remarks>
public sealed class LocalHostRouteParityTests
{
    [Fact]
    public async Task HttpTriggers_ShouldServeTheLocalHostsNamedEndpointsOnTheSameMethodsAndRoutes()
    {
        var functions = CompiledTriggers.Http
            .SelectMany(t => t.Methods.Select(m => $"{t.Name}: {m} {t.Route}"))
            .ToHashSet(StringComparer.Ordinal);

        var local = (await LocalHostAppEndpointsAsync())
            .Where(e => !e.StartsWith(ClaimStreamRoutes.ClaimsStreamName + ":", StringComparison.Ordinal)
                && !e.StartsWith(ClaimStreamRoutes.ClaimStreamName + ":", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(local);
        Assert.Empty(local.Except(functions).Order());
        Assert.Empty(functions.Except(local).Order());
    }

    [Fact]
    public void ManagementRoutes_ShouldAllLieUnderTheDurableWebhookBase()
    {
        // Functions serves these itself, outside routePrefix: no trigger may take them.
        var routes = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name is not (nameof(ApiRoutes.ApiPrefix)
                or nameof(ApiRoutes.ContinuationTokenHeader)))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var triggerRoutes = CompiledTriggers.Http.Select(t => t.Route).ToHashSet(StringComparer.Ordinal);

        var management = routes.Where(r => !triggerRoutes.Contains(r)).ToList();

        Assert.NotEmpty(management);
        Assert.All(management, r => Assert.StartsWith(ApiRoutes.DurableBase, r, StringComparison.Ordinal));
        Assert.All(triggerRoutes, r => Assert.False(r.StartsWith('/') || r.StartsWith(ApiRoutes.ApiPrefix + "/", StringComparison.Ordinal), $"'{r}' must be relative to the api prefix"));
    }

    /// <summary>"name: METHOD route" of each named endpoint under /api of the local host, the prefix removed.</summary>
    private static async Task<HashSet<string>> LocalHostAppEndpointsAsync()
    {
        using var data = new TempDirectory("local-routes");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--data-dir", data.Path, "--Logging:LogLevel:Default=Warning"],
            ContentRootPath = data.Path,
            EnvironmentName = "Production",
        });
        builder.AddDurableClaimsHost();
        await using var app = builder.Build();
        app.MapDurableClaimsHost();

        var prefix = "/" + ApiRoutes.ApiPrefix + "/";
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .Select(e => (Name: e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods, Route: e.RoutePattern.RawText![prefix.Length..]))
            .Where(e => e.Name is not null && e.Methods is not null)
            .SelectMany(e => e.Methods!.Select(m => $"{e.Name}: {m.ToUpperInvariant()} {e.Route}"))
            .ToHashSet(StringComparer.Ordinal);
    }
}

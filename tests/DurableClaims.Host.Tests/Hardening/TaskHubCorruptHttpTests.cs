using System.Net;
using System.Reflection;
using DurableClaims.Api.Runtime;
using DurableClaims.DurableTask.Sqlite;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>A damaged task hub met by a request: 503 problem details, as damaged storage, never a 500 or a client error, and no server path.</summary>
public sealed class TaskHubCorruptHttpTests : IAsyncLifetime
{
    private const string DatabasePath = "/data/durableclaims/taskhub.db";
    private KestrelClaimsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await KestrelClaimsHost.StartAsync(new TestHostOptions { ConfigureServices = CorruptRuntimeClient.Install });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact(Timeout = 60_000)]
    public async Task GetClaim_TaskHubCorrupt_ShouldAnswer503ProblemDetailsWithoutThePath()
    {
        using var response = await _host.Client.GetAsync("/api/claims/CLM-ANY-1");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("60", response.Headers.RetryAfter?.ToString());
        Assert.DoesNotContain(DatabasePath, text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ListClaims_TaskHubCorrupt_ShouldAnswer503NotABadContinuationToken()
    {
        using var response = await _host.Client.GetAsync("/api/claims");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    /// <summary>The host's runtime client replaced by one whose every call meets a damaged page, as the SQLite provider reports it.</summary>
    public class CorruptRuntimeClient : DispatchProxy
    {
        public static void Install(IServiceCollection services)
        {
            services.RemoveAll<IClaimsRuntimeClient>();
            services.AddSingleton(_ => Create<IClaimsRuntimeClient, CorruptRuntimeClient>());
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
            => throw new TaskHubCorruptException(DatabasePath, "database disk image is malformed (SQLITE_CORRUPT)");
    }
}

using System.Text.Json.Serialization;
using DurableClaims.Api;
using DurableClaims.Configuration;
using DurableClaims.Host.Security;
using DurableClaims.Storage;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;

namespace DurableClaims.Host.Extensions;

/// <summary>Composition of the local host: task hub, workflow, API service, keys, problem details, OpenAPI, telemetry, limits.</summary>
public static partial class HostBuilderExtensions
{
    /// <summary>Registers everything the host needs; <c>Program.cs</c> calls only this and <see cref="HostAppExtensions.MapDurableClaimsHost"/>.</summary>
    public static WebApplicationBuilder AddDurableClaimsHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = HostSettings.From(builder.Configuration);
        HostSettingsValidator.ThrowIfInvalid(settings);
        Directory.CreateDirectory(settings.DataDirectory);
        KeepKeysOutOfRequestLogs(builder);

        // One data directory for the task hub and the workflow, whichever way it was given (--data-dir, DURABLECLAIMS_DATA).
        builder.Configuration.AddInMemoryCollection([new($"{ClaimsOptions.SectionName}:DataDirectory", settings.DataDirectory)]);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DurableClaims.Http.StorageHealth>();
        builder.Services.AddSingleton(DurableClaims.Http.PublicBaseUrl.From(builder.Configuration));
        RestrictToLoopbackWithoutKeys(builder, settings);

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);

        // Set explicitly rather than left to the framework's default: the storage writes abandon at stopping (StorageWriteWatch)
        // and this bounds the rest, so SIGTERM ends the process in a known time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);

        // The SQLite task hub reads synchronously (Microsoft.Data.Sqlite); under many concurrent status polls
        // the default pool (one thread per core, slow injection) starves and p99 latency jumps to
        // seconds. A higher floor keeps reads from queueing behind each other.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, settings.MinWorkerThreads), io);
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "DurableClaims API";
            document.Info.Description = "Claims workflow API and Durable Functions-compatible management API. Keys: x-functions-key header or ?code=.";
            return Task.CompletedTask;
        }));
        builder.AddDurableClaimsTelemetry();
        builder.AddDurableClaimsIdentity();

        builder.Services.AddDurableClaimsRuntime(builder.Configuration).AddUploadListener().AddRetentionWorker();
        builder.Services.AddStorageWriteWatch(builder.Configuration);
        builder.Services.AddHostedService<StartupReport>();
        return builder;
    }

    /// <summary>The category of ASP.NET Core's "Request starting …" lines, which carry the query string and so a <c>?code=</c> key.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Raises <see cref="RequestLogCategory"/> to Warning unless configuration sets a level for exactly that category.</summary>
    /// <remarks>
    /// A filter added in code outranks configuration rules of the same category, so it is added only when
    /// <c>Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics</c> is not configured; setting it (e.g. to
    /// Information while debugging) brings the request lines, and the keys in them, back.
    /// </remarks>
    private static void KeepKeysOutOfRequestLogs(WebApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{RequestLogCategory}"] is null)
        {
            builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        }
    }

    /// <summary>Without keys, every way a listen address can be given ends on loopback: <c>--urls</c>/<c>ASPNETCORE_URLS</c>, <c>HTTP_PORTS</c>, <c>HTTPS_PORTS</c> and <c>Kestrel:Endpoints:*:Url</c>.</summary>
    private static void RestrictToLoopbackWithoutKeys(WebApplicationBuilder builder, HostSettings settings)
    {
        if (settings.KeysRequired)
        {
            return;
        }

        var configuration = builder.Configuration;
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            // HTTP_PORTS and HTTPS_PORTS bind every interface; turn them into loopback URLs instead.
            var ports = PortUrls("http", configuration["HTTP_PORTS"] ?? configuration["ASPNETCORE_HTTP_PORTS"])
                .Concat(PortUrls("https", configuration["HTTPS_PORTS"] ?? configuration["ASPNETCORE_HTTPS_PORTS"]))
                .ToList();
            urls = string.Join(';', ports);
        }

        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.WebHost.UseUrls(LoopbackBinding.Restrict(urls).Urls);
        }

        // Kestrel's own endpoints override the URLs above; added last, these loopback values win over every other source.
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(e => !string.IsNullOrWhiteSpace(e["Url"]))
            .Select(e => new KeyValuePair<string, string?>($"Kestrel:Endpoints:{e.Key}:Url", LoopbackBinding.Restrict(e["Url"]!).Urls))
            .ToList();
        if (endpoints.Count > 0)
        {
            configuration.AddInMemoryCollection(endpoints);
        }
    }

    private static IEnumerable<string> PortUrls(string scheme, string? ports)
        => string.IsNullOrWhiteSpace(ports)
            ? []
            : ports.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"{scheme}://127.0.0.1:{p}");

    /// <summary>Says at start where the host listens and whether keys are required.</summary>
    private sealed partial class StartupReport(
        HostSettings settings, Microsoft.AspNetCore.Hosting.Server.IServer server, IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
                if (settings.KeysRequired)
                {
                    Log.KeysRequired(logger, addresses, settings.Keys.Count, settings.DataDirectory);
                }
                else
                {
                    Log.LoopbackOnly(logger, addresses, settings.DataDirectory);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static partial class Log
        {
            [LoggerMessage(EventId = 4201, Level = LogLevel.Warning,
                Message = "No API key configured (Host:Keys / DURABLECLAIMS_API_KEYS): the host binds loopback only and answers loopback callers only. Listening on {Addresses}; data in {DataDirectory}")]
            public static partial void LoopbackOnly(ILogger logger, string addresses, string dataDirectory);

            [LoggerMessage(EventId = 4202, Level = LogLevel.Information,
                Message = "Listening on {Addresses}; {KeyCount} API key(s) required on every route but /api/health; data in {DataDirectory}")]
            public static partial void KeysRequired(ILogger logger, string addresses, int keyCount, string dataDirectory);
        }
    }
}

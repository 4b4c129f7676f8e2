using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Hosting.Tests.Infrastructure;

/// <summary>A real generic host with Microsoft's worker and client running over one DurableTask.Core orchestration service.</summary>
/// <remarks>The pattern to reuse for any provider: register the service once, point both builders at it.</remarks>
public sealed class DurableTestHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private DurableTestHost(IHost host) => Host = host;

    public IHost Host { get; }

    public IServiceProvider Services => Host.Services;

    public DurableTaskClient Client => Host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>Starts a host whose worker and client share the singleton service <paramref name="createService"/> builds.</summary>
    public static async Task<DurableTestHost> StartAsync<TService>(
        Func<IServiceProvider, TService> createService,
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellation = default)
        where TService : class, IOrchestrationService, IOrchestrationServiceClient
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = StopTimeout);
        builder.Services.AddSingleton(createService);
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(tasks)
            .UseOrchestrationService(sp => sp.GetRequiredService<TService>()));
        builder.Services.AddDurableTaskClient(b => b
            .UseOrchestrationService(sp => sp.GetRequiredService<TService>()));
        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new DurableTestHost(host);
    }

    /// <summary>Starts a host over Microsoft's <see cref="InMemoryOrchestrationService"/>.</summary>
    public static Task<DurableTestHost> StartInMemoryAsync(
        Action<DurableTaskRegistry> tasks,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellation = default) =>
        StartAsync(
            sp => new InMemoryOrchestrationService(sp.GetService<ILoggerFactory>()),
            tasks,
            configureServices,
            cancellation);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        await Host.StopAsync(timeout.Token);
        Host.Dispose();
    }
}

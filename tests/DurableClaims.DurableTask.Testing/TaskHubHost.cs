using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Testing.Workflows;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Testing;

/// <summary>A real generic host running Microsoft's worker and client over one orchestration service, as an app would.</summary>
public sealed class TaskHubHost : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly IOrchestrationService _service;

    private TaskHubHost(IHost host, IOrchestrationService service)
    {
        _host = host;
        _service = service;
        Client = host.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>The orchestration service under the worker and the client.</summary>
    public IOrchestrationService Service => _service;

    /// <summary>Starts a host whose worker runs the sample tasks (plus <paramref name="tasks"/>) on <paramref name="service"/>.</summary>
    public static async Task<TaskHubHost> StartAsync(
        IOrchestrationService service,
        Action<DurableTaskRegistry>? tasks = null,
        Action<IServiceCollection>? services = null,
        Action<DurableTaskWorkerOptions>? worker = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<FlakyCounter>();
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskWorker(b => b
            .AddTasks(r =>
            {
                AddSampleTasks(r);
                tasks?.Invoke(r);
            })
            .Configure(worker ?? (_ => { }))
            .UseOrchestrationService(_ => service));
        builder.Services.AddDurableTaskClient(b => b.UseOrchestrationService(_ => (IOrchestrationServiceClient)service));
        var host = builder.Build();
        await host.StartAsync();
        return new TaskHubHost(host, service);
    }

    public static void AddSampleTasks(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<GreetAll>().AddActivity<SayHello>()
            .AddOrchestrator<AwaitApproval>().AddOrchestrator<CollectItems>().AddOrchestrator<ApprovalOrTimer>()
            .AddOrchestrator<SleepDays>().AddOrchestrator<RunningTotal>()
            .AddOrchestrator<RetryFlaky>().AddActivity<Flaky>()
            .AddOrchestrator<CatchFailure>().AddActivity<AlwaysFails>()
            .AddOrchestrator<ShapeShifter>().AddOrchestrator<GreetViaChild>();
    }

    /// <summary>Stops the worker, disposes the host, then closes the service as a process exit would.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(stop.Token);
        _host.Dispose();
        if (_service is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

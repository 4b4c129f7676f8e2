using DurableClaims.DurableTask.Hosting.Tests.Samples;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.DurableTask.Hosting.Tests.Infrastructure;

/// <summary>One in-memory host with the sample tasks, shared by a test class; tests keep apart through their own instance ids.</summary>
public sealed class SampleHostFixture : IAsyncLifetime
{
    private DurableTestHost? _host;

    public DurableTaskClient Client => Host.Client;

    public ScopeLog ScopeLog => Host.Services.GetRequiredService<ScopeLog>();

    private DurableTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = TestTimeout.Create();
        _host = await DurableTestHost.StartInMemoryAsync(
            tasks => tasks
                .AddOrchestrator<GreetOrchestrator>()
                .AddOrchestrator<GreetTwiceOrchestrator>()
                .AddOrchestrator<ApprovalOrchestrator>()
                .AddOrchestrator<ParentOrchestrator>()
                .AddOrchestrator<ChildOrchestrator>()
                .AddOrchestrator<CallsMissingActivityOrchestrator>()
                .AddActivity<GreetActivity>(),
            services => services.AddSingleton<ScopeLog>().AddScoped<ScopeProbe>(),
            timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

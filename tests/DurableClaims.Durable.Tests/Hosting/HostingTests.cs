using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Durable.Tests.Hosting;

public sealed class HostingTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "durable-host", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddDurableEngine_ClassActivityWithDependency_ShouldResolveFromDiAndUseConfiguredHub()
    {
        // Arrange: options come from the "Durable" configuration section.
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Durable:DataDirectory"] = _dataDir,
            ["Durable:TaskHubName"] = "orders",
        });
        builder.Services.AddSingleton(new Greeting("Bonjour"));
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddDurableEngine(r => r.AddOrchestrator<GreetOrchestrator>().AddActivity<GreetActivity>());
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        // Act
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetOrchestrator), "Ada");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var result = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        await host.StopAsync();

        // Assert
        Assert.Equal("Bonjour Ada", result.ReadOutputAs<string>());
        Assert.True(File.Exists(Path.Combine(_dataDir, "orders.db")));
    }

    [Fact]
    public async Task AddDurableEngine_MissingDataDirectory_ShouldFailAtStartUp()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDurableEngine(r => r.AddOrchestrator<GreetOrchestrator>());
        using var host = builder.Build();

        // Act
        var error = await Record.ExceptionAsync(() => host.StartAsync());

        // Assert
        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains("DataDirectory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDurableEngine_PipelinedActivityDispatchTrueInConfiguration_ShouldBindOption()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Durable:DataDirectory"] = _dataDir,
            ["Durable:PipelinedActivityDispatch"] = "true",
        });
        builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        builder.Services.AddDurableEngine(r => r.AddOrchestrator<GreetOrchestrator>());
        using var host = builder.Build();

        // Act
        var engine = host.Services.GetRequiredService<DurableEngine>();

        // Assert
        Assert.True(engine.Options.PipelinedActivityDispatch);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    public sealed record Greeting(string Word);

    public sealed class GreetActivity(Greeting greeting) : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"{greeting.Word} {input}");
    }

    public sealed class GreetOrchestrator : TaskOrchestrator<string, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, string input)
            => context.CallActivityAsync<string>(nameof(GreetActivity), input);
    }
}

using DurableClaims.DurableTask.Hosting.Tests.Infrastructure;
using DurableClaims.DurableTask.Hosting.Tests.Samples;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.DurableTask.Worker.DurableTaskWorkerOptions;

namespace DurableClaims.DurableTask.Hosting.Tests;

/// <summary>The worker's versioning options (<see cref="DurableTaskWorkerOptions.Versioning"/>) and the client's default version, as Microsoft's gRPC worker and client apply them.</summary>
public sealed class OrchestrationServiceWorkerVersioningTests
{
    private static Task<DurableTestHost> StartAsync(VersioningOptions? worker, string? clientDefaultVersion = null) =>
        DurableTestHost.StartInMemoryAsync(
            r => r.AddOrchestrator<VersionEchoOrchestrator>(),
            services =>
            {
                if (worker is not null)
                {
                    services.AddDurableTaskWorker(b => b.UseVersioning(worker));
                }

                services.AddDurableTaskClient(b => b.Configure(o => o.DefaultVersion = clientDefaultVersion ?? string.Empty));
            });

    private static VersioningOptions Worker(string version, VersionMatchStrategy match, VersionFailureStrategy failure = VersionFailureStrategy.Reject) =>
        new() { Version = version, DefaultVersion = version, MatchStrategy = match, FailureStrategy = failure };

    private static Task<string> StartAsync(DurableTaskClient client, string? version, CancellationToken cancellation) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(VersionEchoOrchestrator),
            null,
            version is null ? null : new StartOrchestrationOptions { Version = new TaskVersion(version) },
            cancellation);

    [Fact]
    public async Task Orchestrator_StartedWithoutVersion_ShouldSeeTheClientsDefaultVersion()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(worker: null, clientDefaultVersion: "3");

        var id = await StartAsync(host.Client, version: null, timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("3", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CurrentOrOlder_OlderInstance_ShouldRunOnItsOwnVersion()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("2", VersionMatchStrategy.CurrentOrOlder));

        var id = await StartAsync(host.Client, "1", timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal((OrchestrationRuntimeStatus.Completed, "1"), (result.RuntimeStatus, result.ReadOutputAs<string>()));
    }

    [Fact]
    public async Task CurrentOrOlder_NewerInstanceWithReject_ShouldStayPendingWithoutRunning()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("1", VersionMatchStrategy.CurrentOrOlder, VersionFailureStrategy.Reject));

        var id = await StartAsync(host.Client, "2", timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);

        var metadata = await host.Client.GetInstanceAsync(id, timeout.Token);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, metadata?.RuntimeStatus);
    }

    [Fact]
    public async Task CurrentOrOlder_NewerInstanceWithFail_ShouldFailNamingBothVersions()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("1", VersionMatchStrategy.CurrentOrOlder, VersionFailureStrategy.Fail));

        var id = await StartAsync(host.Client, "2", timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("VersionMismatch", result.FailureDetails?.ErrorType);
        Assert.Equal("The orchestration version '2' is greater than the worker version '1'.", result.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task Strict_OlderInstanceWithFail_ShouldFailAsMismatch()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("2", VersionMatchStrategy.Strict, VersionFailureStrategy.Fail));

        var id = await StartAsync(host.Client, "1", timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal("The orchestration version '1' does not match the worker version '2'.", result.FailureDetails?.ErrorMessage);
    }

    [Fact]
    public async Task Strict_SameVersionSpelledDifferently_ShouldRun()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("1.0", VersionMatchStrategy.Strict, VersionFailureStrategy.Fail));

        var id = await StartAsync(host.Client, "1.00", timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, timeout.Token);

        // Versions compare as System.Version when both parse, as Microsoft's CompareVersions does.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
    }

    [Fact]
    public async Task None_NewerInstance_ShouldRun()
    {
        using var timeout = TestTimeout.Create();
        await using var host = await StartAsync(Worker("1", VersionMatchStrategy.None, VersionFailureStrategy.Fail));

        var id = await StartAsync(host.Client, "5", timeout.Token);
        var result = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);

        Assert.Equal("5", result.ReadOutputAs<string>());
    }
}

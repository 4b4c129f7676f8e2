using DurableClaims.Contracts;
using DurableClaims.Testing;
using DurableTask.Core.History;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Tests.Versioning;

/// <summary>A deploy while claims are paused: a host on the shipped workflow (<see cref="ClaimWorkflowVersions.Current"/>), stopped, then the next build (<see cref="NextBuild"/>) on the same task hub.</summary>
public abstract class DeployScenario : IDisposable
{
    /// <summary>The documents a claim submitted with a police report only still waits for.</summary>
    protected static readonly string[] Missing = ["vehicle_damage_photos", "insurance_exchange_form", "repair_estimate"];

    private readonly TempDirectory _data = new("versioning");

    /// <summary>Gets the settings that put both builds on the same task hub.</summary>
    protected abstract IDictionary<string, string?> TaskHub { get; }

    public void Dispose()
    {
        _data.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the shipped build: the product's workflow, new claims on its current version.</summary>
    protected Task<WorkflowHost> StartShippedBuildAsync() => WorkflowHost.StartAsync(_data.Path, TaskHub);

    /// <summary>Starts the next build on the same data and task hub: the fraud check in the next version, new claims on it.</summary>
    protected Task<WorkflowHost> StartNextBuildAsync(bool gated = true) =>
        WorkflowHost.StartAsync(_data.Path, NextBuild.Settings(TaskHub), configureServices: s => NextBuild.Install(s, gated));

    /// <summary>Submits the claims on the shipped build and stops it once every one is paused waiting for documents.</summary>
    protected async Task PauseOnShippedBuildAsync(params string[] claimIds)
    {
        await using var shipped = await StartShippedBuildAsync();
        foreach (var claimId in claimIds)
        {
            await shipped.SubmitAsync(TestClaims.Auto(claimId, documents: ["police_report"]));
        }

        foreach (var claimId in claimIds)
        {
            await shipped.WaitForPauseAsync(claimId);
        }
    }

    /// <summary>The workflow version stamped on the claim when it started.</summary>
    protected static async Task<string> StartedVersionAsync(WorkflowHost host, string claimId) =>
        (await host.Client.GetOrchestrationHistoryAsync(claimId)).OfType<ExecutionStartedEvent>().Single().Version;

    /// <summary>The activities the claim scheduled, in order.</summary>
    protected static async Task<List<string>> ScheduledAsync(WorkflowHost host, string claimId) =>
        [.. (await host.Client.GetOrchestrationHistoryAsync(claimId)).OfType<TaskScheduledEvent>().Select(e => e.Name ?? string.Empty)];

    /// <summary>The fraud checks the next build ran.</summary>
    protected static IReadOnlyList<FraudCheckRequest> FraudChecksOf(WorkflowHost host) =>
        host.Services.GetRequiredService<FraudChecks>().Runs;

    /// <summary>Whether the claim ended approved, as a claim with every document on file does.</summary>
    protected static bool IsApproved(ClaimOutcome outcome) => outcome.Status == ClaimStatusCodes.Approved;
}

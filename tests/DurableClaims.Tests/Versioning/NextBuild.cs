using System.Collections.Concurrent;
using DurableClaims.Contracts;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Versioning;

/// <summary>
/// The next build of the claims workflow as a team would ship it: the version after the product's current one adds a
/// fraud check before the claim starts, behind a gate on the claim's version, and the build starts new claims on it.
/// </summary>
/// <remarks>
/// The step lives here instead of as a pretend feature in the product; it wraps the product's own
/// <see cref="ClaimOrchestrator"/>, so everything but the new step is the shipped workflow.
/// </remarks>
internal static class NextBuild
{
    /// <summary>The version the next build adds: one after <see cref="ClaimWorkflowVersions.Current"/>.</summary>
    public const string Version = "3";

    /// <summary>Settings of the next build: it starts new claims on <see cref="Version"/> (host.json's defaultVersion).</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?> taskHub) =>
        new(taskHub) { ["DurableTask:DefaultVersion"] = Version };

    /// <summary>Registers the next build's tasks instead of the product's, the way a deployment replaces the binary.</summary>
    /// <param name="services">The host's services, after the claims runtime was added.</param>
    /// <param name="gated">False ships the step without its version gate: the mistake the gate prevents.</param>
    public static void Install(IServiceCollection services, bool gated = true)
    {
        // The product's registration (AddClaimsWorkflow) is one registry callback; a registry refuses a second orchestrator under the same name.
        services.RemoveAll<IConfigureOptions<DurableTaskRegistry>>();
        services.TryAddSingleton<FraudChecks>();
        services.AddDurableTaskWorker(b => b.AddTasks(r =>
        {
            foreach (var (name, factory) in new DurableTaskRegistry().AddClaimsWorkflow().GetActivities())
            {
                r.AddActivity(name, factory);
            }

            r.AddActivity<FraudCheckActivity>();
            r.AddOrchestrator(ClaimWorkflow.OrchestratorName, () => new FraudCheckedClaimOrchestrator(gated));
        }));
    }
}

/// <summary>The next version of the claims orchestrator: a fraud check first, then the shipped workflow.</summary>
internal sealed class FraudCheckedClaimOrchestrator(bool gated) : TaskOrchestrator<ClaimSubmission, ClaimOutcome>
{
    public override async Task<ClaimOutcome> RunAsync(TaskOrchestrationContext context, ClaimSubmission input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);

        // The rule for every added step: only claims started on its version run it; older claims replay their own path.
        if (!gated || context.IsAtLeast(NextBuild.Version))
        {
            await context.CallActivityAsync<bool>(nameof(FraudCheckActivity), new FraudCheckRequest(input.ClaimId, context.Version));
        }

        return await new ClaimOrchestrator().RunAsync(context, input);
    }
}

/// <summary>Input of the next version's fraud check: the claim and the workflow version it runs.</summary>
public sealed record FraudCheckRequest(string ClaimId, string WorkflowVersion);

/// <summary>The next version's step; records which claims it ran for.</summary>
internal sealed class FraudCheckActivity(FraudChecks checks) : TaskActivity<FraudCheckRequest, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, FraudCheckRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        checks.Record(input);
        return Task.FromResult(true);
    }
}

/// <summary>The fraud checks a build ran.</summary>
public sealed class FraudChecks
{
    private readonly ConcurrentQueue<FraudCheckRequest> _runs = new();

    public IReadOnlyList<FraudCheckRequest> Runs => [.. _runs];

    public void Record(FraudCheckRequest request) => _runs.Enqueue(request);
}

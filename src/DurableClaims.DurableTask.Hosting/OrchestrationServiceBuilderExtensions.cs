using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Points Microsoft's worker and client builders at a DurableTask.Core orchestration service.</summary>
public static class OrchestrationServiceBuilderExtensions
{
    /// <summary>Runs the worker's tasks on a <see cref="TaskHubWorker"/> over the service <paramref name="orchestrationService"/> returns.</summary>
    /// <remarks>Options set on the builder (<c>Configure</c>, e.g. the DataConverter) flow in; the settings are validated at host start.</remarks>
    public static IDurableTaskWorkerBuilder UseOrchestrationService(
        this IDurableTaskWorkerBuilder builder,
        Func<IServiceProvider, IOrchestrationService> orchestrationService,
        Action<OrchestrationServiceWorkerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(orchestrationService);
        builder.UseBuildTarget<OrchestrationServiceWorker, OrchestrationServiceWorkerOptions>();
        builder.Services.AddOptions<OrchestrationServiceWorkerOptions>(builder.Name)
            .Configure(options =>
            {
                options.OrchestrationService = orchestrationService;
                configure?.Invoke(options);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    /// <summary>Makes the builder's <see cref="DurableTaskClient"/> an <see cref="OrchestrationServiceClient"/> over the client <paramref name="orchestrationServiceClient"/> returns.</summary>
    /// <remarks>Use the same DataConverter as the worker, or inputs and outputs will not round-trip.</remarks>
    public static IDurableTaskClientBuilder UseOrchestrationService(
        this IDurableTaskClientBuilder builder,
        Func<IServiceProvider, IOrchestrationServiceClient> orchestrationServiceClient)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(orchestrationServiceClient);
        builder.UseBuildTarget<OrchestrationServiceClient, OrchestrationServiceClientOptions>();
        builder.Services.AddOptions<OrchestrationServiceClientOptions>(builder.Name)
            .Configure(options => options.OrchestrationServiceClient = orchestrationServiceClient)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }
}

using DurableClaims.Api;
using DurableClaims.Api.Adjusters;
using DurableClaims.Api.Intake;
using DurableClaims.Api.Runtime;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Functions.Durable;

/// <summary>Creates the shared API service and upload intake for one invocation, over that invocation's Durable client.</summary>
/// <remarks>
/// Functions hands out <see cref="DurableTaskClient"/> per invocation through the [DurableClient]
/// binding rather than through dependency injection, so the services that need a runtime client are
/// built here with every other dependency (stores, options, logging) taken from the container.
/// </remarks>
/// <param name="services">The worker's service provider.</param>
public sealed class ClaimsApiFactory(IServiceProvider services)
{
    /// <summary>The API service for this invocation.</summary>
    public ClaimsApiService Api(DurableTaskClient client)
        => ActivatorUtilities.CreateInstance<ClaimsApiService>(services, new ClaimsRuntimeClient(client));

    /// <summary>The adjuster's actions for this invocation.</summary>
    public ClaimActionsService Actions(DurableTaskClient client)
        => ActivatorUtilities.CreateInstance<ClaimActionsService>(services, new ClaimsRuntimeClient(client));

    /// <summary>The upload intake for this invocation (the same code as the local host's listener and Event Grid endpoint).</summary>
    public UploadIntake Intake(DurableTaskClient client)
        => ActivatorUtilities.CreateInstance<UploadIntake>(services, new ClaimsRuntimeClient(client));
}

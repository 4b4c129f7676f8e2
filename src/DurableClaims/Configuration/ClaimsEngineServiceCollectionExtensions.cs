using DurableClaims.Api;
using DurableClaims.Durable;
using DurableClaims.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Configuration;

/// <summary>Wires the claims workflow and API service onto the embedded engine: the one composition the local host and the CLI share (the Functions app uses the Durable extension instead).</summary>
public static class ClaimsEngineServiceCollectionExtensions
{
    /// <summary>Registers the workflow (<see cref="ClaimsServiceCollectionExtensions.AddDurableClaims"/>), the engine with the claims workflow (task hub in the claims data directory unless "Durable:DataDirectory" is set) and the claims API service over the engine.</summary>
    public static IServiceCollection AddDurableClaimsEngine(
        this IServiceCollection services, IConfiguration configuration, Action<DurableEngineOptions>? configureEngine = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDurableClaims(configuration);
        services.AddDurableEngine(
            registry => registry.AddClaimsWorkflow(),
            options =>
            {
                if (string.IsNullOrWhiteSpace(options.DataDirectory))
                {
                    options.DataDirectory = ClaimsConfiguration.ResolveDataDirectory(configuration);
                }

                configureEngine?.Invoke(options);
            });
        services.AddClaimsApi(configuration).AddEmbeddedRuntimeClient();
        return services;
    }
}

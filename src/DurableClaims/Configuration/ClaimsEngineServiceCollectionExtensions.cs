using DurableClaims.Durable;
using DurableClaims.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Configuration;

/// <summary>Wires the claims workflow onto the embedded engine (local host and CLI; the Functions app uses the Durable extension instead).</summary>
public static class ClaimsEngineServiceCollectionExtensions
{
    /// <summary>Calls <see cref="ClaimsServiceCollectionExtensions.AddDurableClaims"/> and registers the engine with the claims workflow, its task hub in the claims data directory unless "Durable:DataDirectory" is set.</summary>
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
        return services;
    }
}

using System.Text.Json.Serialization;
using Azure.Core.Serialization;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Contracts;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Functions;
using DurableClaims.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DurableClaims.Functions.Hosting;

/// <summary>What the Functions app adds on top of the workflow registrations: the API over Durable Functions, JSON and telemetry.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>Registers the claims API (with its retention options), the per-invocation factory, JSON settings and OpenTelemetry.</summary>
    public static IServiceCollection AddDurableClaimsFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Orchestration inputs, outputs, events and custom status are written with the JSON the local
        // worker's DataConverter uses, so the shared status mapper reads both hosts alike.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(ClaimsJson.Options));

        services.AddClaimsHttpJson();
        services.AddClaimsApi(configuration);
        services.AddClaimAssistant(configuration);

        // After the stores are registered (AddDurableClaims, AddClaimsApi): /api/health reports a write that hangs.
        services.AddStorageWriteWatch(configuration);
        services.AddSingleton<ClaimsApiFactory>();
        services.AddSingleton<DurableClaims.Http.StorageHealth>();
        services.AddSingleton(DurableClaims.Http.PublicBaseUrl.From(configuration, useWebsiteHostname: true));
        services.AddOptions<HttpLimits>().Bind(configuration.GetSection(HttpLimits.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AppServiceAuthOptions>().Bind(configuration.GetSection(AppServiceAuthOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<AppServiceAuthentication>();

        var telemetry = services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        if (!string.IsNullOrEmpty(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            // Application Insights has local (key) auth disabled: export with the app's managed identity.
            var clientId = configuration["AZURE_CLIENT_ID"];
            telemetry.UseAzureMonitorExporter(options =>
            {
                if (!string.IsNullOrEmpty(clientId))
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }

    /// <summary>HTTP bodies as the local host writes them (web defaults, enums as strings); what the triggers' <c>IResult</c>s are written with.</summary>
    public static IServiceCollection AddClaimsHttpJson(this IServiceCollection services)
        => services.Configure<HttpJsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
}

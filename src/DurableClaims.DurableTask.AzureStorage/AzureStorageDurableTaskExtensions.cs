using DurableClaims.DurableTask.Hosting;
using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.AzureStorage;

/// <summary>Registers Microsoft's Azure Storage task hub under Microsoft's worker and client builders.</summary>
public static class AzureStorageDurableTaskExtensions
{
    /// <summary>Runs the worker's tasks on the Azure Storage task hub (the service instance the client of this container shares).</summary>
    public static IDurableTaskWorkerBuilder UseAzureStorage(this IDurableTaskWorkerBuilder builder, Action<AzureStorageTaskHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAzureStorageOrchestrationService(configure);
        return builder.UseOrchestrationService(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
    }

    /// <summary>Points the client at the Azure Storage task hub.</summary>
    public static IDurableTaskClientBuilder UseAzureStorage(this IDurableTaskClientBuilder builder, Action<AzureStorageTaskHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAzureStorageOrchestrationService(configure);
        return builder.UseOrchestrationService(sp => sp.GetRequiredService<AzureStorageOrchestrationService>());
    }

    /// <summary>Adds the one <see cref="AzureStorageOrchestrationService"/> of this container, its options validated at start-up.</summary>
    public static IServiceCollection AddAzureStorageOrchestrationService(this IServiceCollection services, Action<AzureStorageTaskHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AzureStorageTaskHubOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageTaskHubOptions>, AzureStorageTaskHubOptionsValidator>());
        services.TryAddSingleton(sp => new AzureStorageOrchestrationService(
            CreateSettings(sp.GetRequiredService<IOptions<AzureStorageTaskHubOptions>>().Value, sp.GetService<ILoggerFactory>())));
        return services;
    }

    /// <summary>Maps the options onto Microsoft's settings object.</summary>
    public static AzureStorageOrchestrationServiceSettings CreateSettings(AzureStorageTaskHubOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } problem)
        {
            throw new OptionsValidationException(nameof(AzureStorageTaskHubOptions), typeof(AzureStorageTaskHubOptions), [problem]);
        }

        var account = options.ConnectionString is { Length: > 0 } connectionString
            ? new StorageAccountClientProvider(connectionString)
            : new StorageAccountClientProvider(options.Endpoints!.Blob, options.Endpoints.Queue, options.Endpoints.Table, options.Credential!);
        return new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = account,
            TaskHubName = options.TaskHubName,
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LeaseInterval = options.LeaseInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            LeaseRenewInterval = options.LeaseAcquireInterval,
            WorkerId = options.WorkerId,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,

            // A second start of an instance that is still running is refused (OrchestrationAlreadyExistsException), as on SQLite,
            // instead of being dropped without a word.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
        };
    }
}

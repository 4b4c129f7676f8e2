using Azure.Storage.Blobs;
using DurableClaims.Api.Adjusters;
using DurableClaims.Api.Intake;
using DurableClaims.Api.Management;
using DurableClaims.Api.Retention;
using DurableClaims.Api.Runtime;
using DurableClaims.Configuration;
using DurableClaims.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api;

/// <summary>Registers the HTTP-neutral claims API, the upload intake and (on request) the local runtime client.</summary>
public static class ClaimsApiServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ClaimsApiService"/>, <see cref="UploadIntake"/> and the intake receipts; the host adds a runtime client.</summary>
    public static IServiceCollection AddClaimsApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ClaimsApiOptions>().Bind(configuration.GetSection(ClaimsApiOptions.SectionName)).ValidateOnStart();
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClaimsApiOptions>, ClaimsApiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UploadOptions>, UploadOptionsValidator>());
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClaimsApiService>();
        services.TryAddSingleton<ClaimActionsService>();
        services.TryAddSingleton<UploadIntake>();
        services.TryAddSingleton<IIntakeReceiptStore>(sp => new ObjectIntakeReceiptStore(CreateContainer(sp, ObjectIntakeReceiptStore.DefaultContainer)));
        return services;
    }

    /// <summary>Adds the runtime client and the Durable management service over the container's <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/> (the local host's).</summary>
    public static IServiceCollection AddLocalRuntimeClient(this IServiceCollection services)
    {
        services.TryAddSingleton<IClaimsRuntimeClient, ClaimsRuntimeClient>();
        services.TryAddSingleton<DurableManagementService>();
        return services;
    }

    /// <summary>Adds the container listener; it runs only when documents live in Blob Storage and Uploads:ListenerEnabled is true.</summary>
    public static IServiceCollection AddUploadListener(this IServiceCollection services)
    {
        services.AddSingleton<IHostedService>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var uploads = sp.GetRequiredService<IOptions<UploadOptions>>();
            if (!storage.UsesBlobStorage || !uploads.Value.ListenerEnabled)
            {
                return new NoListener();
            }

            var container = sp.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey).GetBlobContainerClient(storage.DocumentsContainer);
            return new BlobUploadListener(container, sp.GetRequiredService<UploadIntake>(), uploads, sp.GetRequiredService<ILogger<BlobUploadListener>>());
        });
        return services;
    }

    /// <summary>Adds the periodic retention clean-up (Retention:Enabled, Retention:Interval, Retention:OlderThanDays).</summary>
    public static IServiceCollection AddRetentionWorker(this IServiceCollection services)
    {
        services.AddHostedService<RetentionWorker>();
        return services;
    }

    private static IObjectContainer CreateContainer(IServiceProvider services, string name)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return storage.UsesBlobStorage
            ? new BlobObjectContainer(services.GetRequiredKeyedService<BlobServiceClient>(BlobClientFactory.ServiceKey).GetBlobContainerClient(name))
            : new FolderObjectContainer(Path.Combine(storage.DataDirectory, name));
    }

    /// <summary>Stands in for the listener when uploads do not go through Blob Storage.</summary>
    private sealed class NoListener : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.DurableTask.AzureStorage;
using DurableClaims.DurableTask.Hosting;
using DurableClaims.DurableTask.Sqlite;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableClaims.Host.Extensions;

/// <summary>The local runtime the host, the CLI and the whole-claim tests share: the claims workflow on Microsoft's worker and client over the chosen task hub.</summary>
public static class ClaimsRuntimeExtensions
{
    /// <summary>The setting that chooses the task hub's storage (host.json's <c>extensions.durableTask.storageProvider.type</c>).</summary>
    public const string StorageProviderTypeSetting = AzureStorageTaskHubOptions.SectionName + ":Type";

    /// <summary>The section holding the workflow version settings (host.json's <c>extensions.durableTask</c>: <c>DurableTask:DefaultVersion</c>, <c>DurableTask:VersionMatchStrategy</c>, <c>DurableTask:VersionFailureStrategy</c>).</summary>
    public const string VersioningSection = "DurableTask";

    /// <summary>The task hub's file name in the claims data directory, unless <c>DurableTask:Sqlite:DatabasePath</c> is set.</summary>
    public const string TaskHubFileName = "taskhub.db";

    /// <summary>
    /// The longest single durable timer. The SQLite hub keeps a timer as one row however far away it is, so a
    /// claim's deadline is one timer instead of Microsoft's default 3-day chunks (a limit of Azure Storage queues).
    /// </summary>
    public static readonly TimeSpan MaximumTimerInterval = TimeSpan.FromDays(365);

    /// <summary>The longest single timer on Azure Storage: a timer is a queue message whose visibility delay may not pass 7 days (Microsoft's default).</summary>
    public static readonly TimeSpan AzureStorageMaximumTimerInterval = TimeSpan.FromDays(3);

    /// <summary>Registers the workflow's services (<see cref="ClaimsServiceCollectionExtensions.AddDurableClaims"/>), the worker running <see cref="ClaimsWorkflowRegistration.AddClaimsWorkflow"/> and the client on the configured task hub, and the claims API over that client.</summary>
    /// <remarks>
    /// <c>DurableTask:StorageProvider:Type</c> chooses the hub: <c>Sqlite</c> (default; settings <c>DurableTask:Sqlite:*</c>, <paramref name="configureSqlite"/> runs last)
    /// or <c>AzureStorage</c> (Microsoft's provider; <c>AzureWebJobsStorage</c>, <c>TASKHUB_NAME</c>, <c>DurableTask:StorageProvider:*</c>, <paramref name="configureAzureStorage"/> runs last).
    /// </remarks>
    public static IServiceCollection AddDurableClaimsRuntime(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<SqliteOrchestrationServiceOptions>? configureSqlite = null,
        Action<AzureStorageTaskHubOptions>? configureAzureStorage = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDurableClaims(configuration);

        // Worker and client pick the DataConverter up from the container: one JSON for both sides and for the API's readers.
        services.TryAddSingleton<DataConverter>(ClaimsJson.Converter);
        var provider = ParseStorageProvider(configuration[StorageProviderTypeSetting]);

        // A claim keeps the workflow version it started on: the client stamps it, the worker runs versions up to its own.
        var versioning = DurableTaskVersioning.Read(configuration.GetSection(VersioningSection), ClaimWorkflowVersions.Current);
        services.AddDurableTaskWorker(b =>
        {
            b.AddTasks(r => r.AddClaimsWorkflow());
            if (versioning is not null)
            {
                b.UseVersioning(versioning);
            }

            if (provider == TaskHubStorage.AzureStorage)
            {
                b.Configure(o => o.MaximumTimerInterval = AzureStorageMaximumTimerInterval)
                    .UseAzureStorage(o => ConfigureAzureStorage(o, configuration, configureAzureStorage));
            }
            else
            {
                b.Configure(o => o.MaximumTimerInterval = MaximumTimerInterval)
                    .UseSqlite(o => ConfigureSqlite(o, configuration, configureSqlite));
            }
        });
        services.AddDurableTaskClient(b =>
        {
            if (versioning is not null)
            {
                b.Configure(o => o.DefaultVersion = versioning.DefaultVersion);
            }

            if (provider == TaskHubStorage.AzureStorage)
            {
                b.UseAzureStorage();
            }
            else
            {
                b.UseSqlite();
            }
        });
        services.AddClaimsApi(configuration).AddLocalRuntimeClient();
        services.AddClaimAssistant(configuration);
        return services;
    }

    /// <summary>Reads <c>DurableTask:StorageProvider:Type</c> (any case; empty is SQLite); an unknown name stops the start with the names it takes.</summary>
    public static TaskHubStorage ParseStorageProvider(string? value) =>
        string.IsNullOrWhiteSpace(value) ? TaskHubStorage.Sqlite
        : Enum.TryParse<TaskHubStorage>(value.Trim(), ignoreCase: true, out var storage) && Enum.IsDefined(storage) ? storage
        : throw new InvalidOperationException($"{StorageProviderTypeSetting} '{value}' is not a task hub this host runs on: use Sqlite or AzureStorage.");

    private static void ConfigureSqlite(SqliteOrchestrationServiceOptions options, IConfiguration configuration, Action<SqliteOrchestrationServiceOptions>? configure)
    {
        var section = configuration.GetSection(SqliteOrchestrationServiceOptions.SectionName);
        section.Bind(options);
        if (string.IsNullOrWhiteSpace(section[nameof(SqliteOrchestrationServiceOptions.DatabasePath)]))
        {
            options.DatabasePath = Path.Combine(ClaimsConfiguration.ResolveDataDirectory(configuration), TaskHubFileName);
        }

        configure?.Invoke(options);
    }

    private static void ConfigureAzureStorage(AzureStorageTaskHubOptions options, IConfiguration configuration, Action<AzureStorageTaskHubOptions>? configure)
    {
        configuration.GetSection(AzureStorageTaskHubOptions.SectionName).Bind(options);
        AzureStorageConnection.Apply(configuration, options, AzureCredentials.Get);
        configure?.Invoke(options);
    }
}

/// <summary>Where the task hub keeps orchestration state.</summary>
public enum TaskHubStorage
{
    /// <summary>One SQLite file beside the claims data: one process, zero set-up.</summary>
    Sqlite,

    /// <summary>Microsoft's Azure Storage provider (queues, tables, blobs; Azurite locally): many processes on one hub, as Durable Functions runs.</summary>
    AzureStorage,
}

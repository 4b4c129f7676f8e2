using DurableClaims.Api;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.DurableTask.Sqlite;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DurableClaims.Host.Extensions;

/// <summary>The local runtime the host, the CLI and the whole-claim tests share: the claims workflow on Microsoft's worker and client over the SQLite task hub.</summary>
public static class ClaimsRuntimeExtensions
{
    /// <summary>The task hub's file name in the claims data directory, unless <c>DurableTask:Sqlite:DatabasePath</c> is set.</summary>
    public const string TaskHubFileName = "taskhub.db";

    /// <summary>
    /// The longest single durable timer. The SQLite hub keeps a timer as one row however far away it is, so a
    /// claim's deadline is one timer instead of Microsoft's default 3-day chunks (a limit of Azure Storage queues).
    /// </summary>
    public static readonly TimeSpan MaximumTimerInterval = TimeSpan.FromDays(365);

    /// <summary>Registers the workflow's services (<see cref="ClaimsServiceCollectionExtensions.AddDurableClaims"/>), the worker running <see cref="ClaimsWorkflowRegistration.AddClaimsWorkflow"/> and the client on the SQLite task hub, and the claims API over that client.</summary>
    /// <remarks>Settings: <c>DurableTask:Sqlite:*</c> (<see cref="SqliteOrchestrationServiceOptions"/>); <paramref name="configureSqlite"/> runs last.</remarks>
    public static IServiceCollection AddDurableClaimsRuntime(
        this IServiceCollection services, IConfiguration configuration, Action<SqliteOrchestrationServiceOptions>? configureSqlite = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddDurableClaims(configuration);

        // Worker and client pick the DataConverter up from the container: one JSON for both sides and for the API's readers.
        services.TryAddSingleton<DataConverter>(ClaimsJson.Converter);
        var section = configuration.GetSection(SqliteOrchestrationServiceOptions.SectionName);
        services.AddDurableTaskWorker(b => b
            .AddTasks(r => r.AddClaimsWorkflow())
            .Configure(o => o.MaximumTimerInterval = MaximumTimerInterval)
            .UseSqlite(o =>
            {
                section.Bind(o);
                if (string.IsNullOrWhiteSpace(section[nameof(SqliteOrchestrationServiceOptions.DatabasePath)]))
                {
                    o.DatabasePath = Path.Combine(ClaimsConfiguration.ResolveDataDirectory(configuration), TaskHubFileName);
                }

                configureSqlite?.Invoke(o);
            }));
        services.AddDurableTaskClient(b => b.UseSqlite());
        services.AddClaimsApi(configuration).AddLocalRuntimeClient();
        return services;
    }
}

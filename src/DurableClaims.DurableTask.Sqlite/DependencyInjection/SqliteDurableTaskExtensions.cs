using DurableClaims.DurableTask.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.Sqlite;

/// <summary>Registers the SQLite task hub under Microsoft's worker and client builders.</summary>
public static class SqliteDurableTaskExtensions
{
    /// <summary>Runs the worker's tasks on the SQLite task hub (shared with <see cref="UseSqlite(IDurableTaskClientBuilder, Action{SqliteOrchestrationServiceOptions}?)"/>).</summary>
    public static IDurableTaskWorkerBuilder UseSqlite(this IDurableTaskWorkerBuilder builder, Action<SqliteOrchestrationServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteOrchestrationService(configure);
        return builder.UseOrchestrationService(sp => sp.GetRequiredService<SqliteOrchestrationService>());
    }

    /// <summary>Points the client at the SQLite task hub (the same service instance the worker uses).</summary>
    public static IDurableTaskClientBuilder UseSqlite(this IDurableTaskClientBuilder builder, Action<SqliteOrchestrationServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSqliteOrchestrationService(configure);
        return builder.UseOrchestrationService(sp => sp.GetRequiredService<SqliteOrchestrationService>());
    }

    /// <summary>Adds the one <see cref="SqliteOrchestrationService"/> of this container, its options validated at start-up.</summary>
    public static IServiceCollection AddSqliteOrchestrationService(this IServiceCollection services, Action<SqliteOrchestrationServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SqliteOrchestrationServiceOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.Validate() is null, "Invalid DurableTask:Sqlite settings: check DatabasePath, IntegrityCheck, the limits and the time spans.").ValidateOnStart();
        services.TryAddSingleton(sp => new SqliteOrchestrationService(
            sp.GetRequiredService<IOptions<SqliteOrchestrationServiceOptions>>().Value,
            sp.GetService<ILoggerFactory>(),
            sp.GetService<TimeProvider>()));
        return services;
    }
}

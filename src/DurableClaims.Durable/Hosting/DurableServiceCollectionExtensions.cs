using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Durable;

/// <summary>Registers the embedded durable engine in a host.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>Adds the engine as a hosted service plus a <see cref="DurableTaskClient"/> singleton.</summary>
    /// <remarks>Options bind from the "Durable" configuration section, then <paramref name="configureOptions"/> applies; they are validated at start-up.</remarks>
    public static IServiceCollection AddDurableEngine(
        this IServiceCollection services,
        Action<DurableTaskRegistry> configure,
        Action<DurableEngineOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registry = new DurableTaskRegistry();
        configure(registry);
        services.AddOptions();
        services.AddSingleton<IConfigureOptions<DurableEngineOptions>>(sp => new ConfigureNamedOptions<DurableEngineOptions>(
            Options.DefaultName, options => BindFromConfiguration(sp.GetService<IConfiguration>(), options)));
        if (configureOptions is not null)
        {
            services.Configure(configureOptions);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DurableEngine(
            registry,
            sp.GetRequiredService<IOptions<DurableEngineOptions>>().Value,
            sp,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableEngine>());
        services.AddSingleton(sp => sp.GetRequiredService<DurableEngine>().Client);
        return services;
    }

    // Bound by hand: Microsoft.Extensions.Options.ConfigurationExtensions is not a dependency of this library.
    private static void BindFromConfiguration(IConfiguration? configuration, DurableEngineOptions options)
    {
        var section = configuration?.GetSection(DurableEngineOptions.SectionName);
        if (section is null)
        {
            return;
        }

        options.DataDirectory = section[nameof(options.DataDirectory)] ?? options.DataDirectory;
        options.TaskHubName = section[nameof(options.TaskHubName)] ?? options.TaskHubName;
        options.MaxConcurrentActivities = Int(section, nameof(options.MaxConcurrentActivities), options.MaxConcurrentActivities);
        options.MaxConcurrentOrchestrations = Int(section, nameof(options.MaxConcurrentOrchestrations), options.MaxConcurrentOrchestrations);
        options.MaxCommitBatchSize = Int(section, nameof(options.MaxCommitBatchSize), options.MaxCommitBatchSize);
        options.CachedInstances = Int(section, nameof(options.CachedInstances), options.CachedInstances);
        if (section[nameof(options.PipelinedActivityDispatch)] is { } pipelined)
        {
            options.PipelinedActivityDispatch = bool.TryParse(pipelined, out var enabled)
                ? enabled
                : throw new InvalidOperationException($"Durable:PipelinedActivityDispatch must be true or false, not '{pipelined}'.");
        }

        if (section[nameof(options.SqliteSynchronous)] is { } mode)
        {
            options.SqliteSynchronous = Enum.TryParse<SqliteSynchronousMode>(mode, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Durable:SqliteSynchronous must be Full or Normal, not '{mode}'.");
        }
    }

    private static int Int(IConfiguration section, string key, int fallback)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"Durable:{key} must be an integer, not '{text}'.");
    }
}

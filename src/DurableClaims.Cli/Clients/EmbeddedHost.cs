using DurableClaims.Cli.Infrastructure;
using DurableClaims.Configuration;
using DurableClaims.DurableTask.Sqlite;
using DurableClaims.Host.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Cli.Clients;

/// <summary>Composes the embedded runtime the CLI runs: the same registrations as the local host, without HTTP.</summary>
internal static class EmbeddedHost
{
    /// <summary>Builds (does not start) a host on the settings' data directory; configuration comes from environment variables.</summary>
    public static IHost Build(CliSettings settings, Action<ILoggingBuilder> configureLogging)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configureLogging);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "durableclaims",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ClaimsOptions.SectionName}:DataDirectory"] = settings.DataDirectory,
        });
        configureLogging(builder.Logging);

        builder.Services.AddDurableClaimsRuntime(builder.Configuration);
        return builder.Build();
    }

    /// <summary>Builds and starts the host; a data directory held by another process is an error that says what to do.</summary>
    public static async Task<IHost> StartAsync(CliSettings settings, Action<ILoggingBuilder> configureLogging, CancellationToken cancellationToken)
    {
        var host = Build(settings, configureLogging);
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch (TaskHubInUseException ex)
        {
            host.Dispose();
            throw new InvalidOperationException(
                $"The data directory '{settings.DataDirectory}' is in use by another durableclaims process (a running 'serve'?). "
                + "Stop it, use --server to talk to it, or choose another --data-dir.",
                ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}

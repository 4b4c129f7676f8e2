using System.CommandLine;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Cli.Commands;

/// <summary><c>serve [--urls URLS]</c>: run the local host (HTTP API, management API, dashboard) in this process.</summary>
internal static class ServeCommand
{
    /// <summary>The default address: loopback, as the host requires when no API key is configured.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(GlobalOptions globals)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated.",
            HelpName = "URLS",
            DefaultValueFactory = _ => DefaultUrls,
        };
        var command = new Command("serve", "Run the local host: /api routes, the Durable management API and the dashboard, on the data directory.") { urls };
        CommandRunner.SetAction(command, globals, async (parseResult, context, cancellationToken) =>
        {
            if (context.Settings.Server is not null)
            {
                throw new CliInputException("serve runs a host itself; it cannot be combined with --server.");
            }

            var app = Build(context.Settings.DataDirectory, parseResult.GetValue(urls)!, context.Settings.Verbose);
            await using (app)
            {
                await app.RunAsync(cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Builds the host exactly as DurableClaims.Host's Program.cs does, with the CLI's data directory and URLs.</summary>
    private static WebApplication Build(string dataDirectory, string urls, bool verbose)
    {
        string[] args = ["--data-dir", dataDirectory, "--urls", urls];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(HostAppExtensions).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "host-wwwroot"),
        });
        if (!verbose)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        builder.AddDurableClaimsHost();
        var app = builder.Build();
        app.MapDurableClaimsHost();
        return app;
    }
}

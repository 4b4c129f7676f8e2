using DurableClaims.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>
/// The real local host (the same composition as Program.cs) on Kestrel, 127.0.0.1 and a free port,
/// with a temporary data directory and the console's wwwroot from the source tree.
/// </summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ConsoleHost(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    /// <summary>Gets the host's services (e.g. the document store, to pre-upload documents as the upload pipeline would).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a host; <paramref name="apiKey"/> turns function keys on.</summary>
    public static async Task<ConsoleHost> StartAsync(string? apiKey = null, IDictionary<string, string>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "durableclaims-browser-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var hostProject = RepositoryPaths.HostProject;
        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--data-dir={dataDirectory}", "--Logging:LogLevel:Default=Warning" };
        if (apiKey is not null)
        {
            args.Add($"--Host:Keys={apiKey}");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            args.Add($"--{key}={value}");
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args],
            ContentRootPath = hostProject,
            WebRootPath = Path.Combine(hostProject, "wwwroot"),
            EnvironmentName = "Production",
        });
        builder.AddDurableClaimsHost();
        var app = builder.Build();
        app.MapDurableClaimsHost();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleHost(app, dataDirectory, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>An HTTP client of the host's API (for arranging claims), sending the key when one is given.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

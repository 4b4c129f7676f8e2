using System.Net.Http.Headers;
using DurableClaims.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.Tests.Infrastructure;

/// <summary>Settings for one test host.</summary>
public sealed record TestHostOptions
{
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>Gets the AzureWebJobsStorage connection string; null uses the local folder stores.</summary>
    public string? StorageConnection { get; init; }

    public string Urls { get; init; } = "http://127.0.0.1:0";

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets service overrides applied after the host's own registrations (e.g. a failing store).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}

/// <summary>A real Kestrel host on a free loopback port, composed exactly as Program.cs does, with a temporary data directory.</summary>
public sealed class KestrelClaimsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelClaimsHost(WebApplication app, string dataDirectory, Uri baseAddress)
    {
        _app = app;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    /// <summary>Gets a client without a key.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<KestrelClaimsHost> StartAsync(TestHostOptions? options = null, string? dataDirectory = null)
    {
        options ??= new TestHostOptions();
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "durableclaims-host-tests", Guid.NewGuid().ToString("N"));
        var args = new List<string> { "--data-dir", dataDirectory, "--Logging:LogLevel:Default=Warning" };
        if (!string.IsNullOrEmpty(options.Urls))
        {
            args.AddRange(["--urls", options.Urls]);
        }

        if (options.Keys.Count > 0)
        {
            args.Add("--Host:Keys=" + string.Join(',', options.Keys));
        }

        if (options.StorageConnection is not null)
        {
            args.Add("--AzureWebJobsStorage=" + options.StorageConnection);
        }

        args.AddRange(options.Settings.Select(s => $"--{s.Key}={s.Value}"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args],
            ContentRootPath = HostProjectDirectory(),
            EnvironmentName = "Production",
        });
        builder.AddDurableClaimsHost();
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapDurableClaimsHost();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that fails to start (e.g. start-up validation) must not keep the data directory open.
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new KestrelClaimsHost(app, dataDirectory, new Uri(address));
    }

    /// <summary>Creates a client that sends <paramref name="key"/> in the x-functions-key header.</summary>
    public HttpClient CreateClient(string? key = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Stops the host without deleting its data (to restart on the same directory).</summary>
    public async Task StopAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped by StopAsync.
        }

        TryDelete(DataDirectory);
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the temp folder is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string HostProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "DurableClaims.Host");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/DurableClaims.Host not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DurableClaims.Cli.Tests.Infrastructure;

/// <summary>A <c>durableclaims serve</c> child process on a free loopback port; killed on dispose.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private ServerProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Starts serve on <paramref name="dataDirectory"/> and waits until /api/health answers.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var process = CliProcess.Start(["serve", "--urls", url.ToString().TrimEnd('/'), "--data-dir", dataDirectory]);
        var server = new ServerProcess(process, url);
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {process.ExitCode}: {await errors}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        await server.DisposeAsync();
        throw new TimeoutException("serve did not answer /api/health within 60 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Returns a loopback port nothing listens on (at the time of the call).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DurableClaims.Testing;

/// <summary>Starts Azurite from the repository's node_modules on free loopback ports; stops it on dispose.</summary>
/// <remarks>Flags as in shared/notes/azurite.md: loopback hosts, --disableTelemetry (no internet), --skipApiVersionCheck, in-memory data.</remarks>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known development storage account key (public, documented by Microsoft).</summary>
    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;
    private Process? _process;

    /// <summary>Gets the connection string for this instance.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public int BlobPort { get; private set; }

    public int QueuePort { get; private set; }

    public int TablePort { get; private set; }

    public async Task InitializeAsync()
    {
        var executable = RepositoryPaths.Combine("node_modules", ".bin", "azurite");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed at {executable}; run `npm ci` at the repository root.");
        }

        for (var attempt = 1; ; attempt++)
        {
            (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
            _process = Start(executable);
            if (await WaitReadyAsync(_process, TimeSpan.FromSeconds(30)))
            {
                break;
            }

            // Another process may have taken a port between probing and binding: try new ports.
            await StopAsync();
            if (attempt == StartAttempts)
            {
                throw new InvalidOperationException("Azurite did not start (ports taken or node missing).");
            }
        }

        ConnectionString = string.Create(CultureInfo.InvariantCulture, $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;");
    }

    public Task DisposeAsync() => StopAsync();

    private Process Start(string executable)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.RepositoryRoot,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(BlobPort), "--queuePort", Port(QueuePort), "--tablePort", Port(TablePort),
            "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");

        // Drain the pipes so a chatty child never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<bool> WaitReadyAsync(Process process, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                return false;
            }

            if (await AcceptsAsync(BlobPort) && await AcceptsAsync(QueuePort) && await AcceptsAsync(TablePort))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it ignored the kill for 10 s: nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>An Azurite of the benchmark's own: the repository's node_modules copy on free loopback ports, data in memory, stopped on dispose.</summary>
/// <remarks>Flags as in shared/notes/azurite.md: loopback hosts, --disableTelemetry (no internet), --skipApiVersionCheck (newer client API versions).</remarks>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    // Microsoft's well-known development storage key (public; Azurite accepts only it).
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blob, int queue, int table)
    {
        _process = process;
        (BlobPort, QueuePort, TablePort) = (blob, queue, table);
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;");
    }

    public string ConnectionString { get; }

    public int Pid => _process.Id;

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>Names a storage service by its port, for the per-service request counts.</summary>
    public string ServiceOf(int port) => port == BlobPort ? "blob" : port == QueuePort ? "queue" : port == TablePort ? "table" : "other";

    public static async Task<AzuriteProcess> StartAsync()
    {
        var executable = Locate();
        for (var attempt = 1; ; attempt++)
        {
            var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
            var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
                "--blobPort", Text(blob), "--queuePort", Text(queue), "--tablePort", Text(table),
                "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent",
            })
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start Azurite.");

            // Drain the pipes so Azurite never blocks on a full buffer.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var azurite = new AzuriteProcess(process, blob, queue, table);
            if (await azurite.WaitReadyAsync(TimeSpan.FromSeconds(30)))
            {
                return azurite;
            }

            // Another process may have taken a port between probing and binding: new ports.
            await azurite.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException("Azurite did not start (ports taken or node missing).");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
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
            // Already gone, or it ignored the kill for 10 s: nothing more to do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !_process.HasExited)
        {
            if (await AcceptsAsync(BlobPort) && await AcceptsAsync(QueuePort) && await AcceptsAsync(TablePort))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    // The benchmark runs from bin/<configuration>/net10.0 of its project or from a publish folder: look upwards for node_modules.
    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Azurite is not installed: run `npm ci` at the repository root.");
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

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}

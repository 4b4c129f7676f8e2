using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace DurableClaims.ScaleOut.Tests.Infrastructure;

/// <summary>One DurableClaims host as its own process on a loopback port, its console output kept for counting.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly string HostDll = typeof(HostProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "HostDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(string name, Process process, Uri baseAddress)
    {
        (Name, _process, BaseAddress) = (name, process, baseAddress);
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host with <paramref name="settings"/> as environment variables and waits until /api/health answers.</summary>
    public static async Task<HostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan timeout)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostDll)!,
        };
        info.ArgumentList.Add(HostDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var host = new HostProcess(name, Process.Start(info)!, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !host.HasExited)
        {
            try
            {
                using var health = await host.Http.GetAsync("api/health");
                if (health.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        var output = host.Output;
        await host.DisposeAsync();
        throw new InvalidOperationException($"Host {name} did not become healthy within {timeout}:\n{output}");
    }

    /// <summary>Counts the output lines that contain <paramref name="text"/>.</summary>
    public int CountLines(string text) =>
        Output.Split('\n').Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL: no shutdown code runs, leases are not released, in-flight work is lost mid-way.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // It ignored SIGKILL for 10 s: nothing more a test can do.
            }
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

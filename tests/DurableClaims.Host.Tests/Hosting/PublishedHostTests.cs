using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace DurableClaims.Host.Tests.Hosting;

/// <summary>The published host serves the console whatever directory it is started from (issue 14: it served 404 at <c>/</c> outside the project folder).</summary>
public sealed class PublishedHostTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "durableclaims-published-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PublishedHost_StartedFromAnotherDirectory_ShouldServeTheConsoleAtRoot()
    {
        var published = await PublishAsync();
        var workingDirectory = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var port = FreePort();
        var output = new StringBuilder();
        using var process = Start(Path.Combine(published, "DurableClaims.Host.dll"), workingDirectory, port, output);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
            await WaitForHealthAsync(client, process, output);

            using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<title>DurableClaims", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(exit.Token);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the killed process: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Publishes the host as built for this test run (<c>--no-build</c>: a copy of the build output plus the console's files).</summary>
    private async Task<string> PublishAsync()
    {
        var configuration = typeof(PublishedHostTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var hostAssembly = typeof(Program).Assembly.Location;
        var project = FindHostProject(Path.GetDirectoryName(hostAssembly)!);
        var target = Path.Combine(_root, "publish");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", project, "-c", configuration, "--no-build", "--nologo", "-o", target })
        {
            info.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(info)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await publish.WaitForExitAsync(timeout.Token);
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
        return target;
    }

    /// <summary>Walks up from the test's bin folder to the repository and its host project.</summary>
    private static string FindHostProject(string from)
    {
        for (var directory = new DirectoryInfo(from); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "DurableClaims.Host", "DurableClaims.Host.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No src/DurableClaims.Host above {from}.");
    }

    private Process Start(string dll, string workingDirectory, int port, StringBuilder output)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--data-dir", Path.Combine(_root, "data") })
        {
            info.ArgumentList.Add(argument);
        }

        // As an operator starts it: production, no keys (loopback only), nothing inherited from the test run.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("DURABLECLAIMS_API_KEYS");
        info.Environment.Remove("AzureWebJobsStorage");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process process, StringBuilder output)
    {
        var until = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        lock (output)
        {
            Assert.Fail($"The published host did not become healthy within {StartTimeout}:\n{output}");
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

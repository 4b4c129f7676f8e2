using System.Diagnostics;
using System.Text;

namespace DurableClaims.Cli.Tests.Infrastructure;

/// <summary>What one run of the built CLI produced.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>Runs the built CLI (<c>dotnet DurableClaims.Cli.dll ...</c>) as a child process, stdout and stderr redirected.</summary>
public static class CliProcess
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Gets the path of the built CLI assembly next to the tests (the project reference copies it with its runtimeconfig).</summary>
    public static string CliAssembly { get; } = LocateCli();

    /// <summary>Runs the CLI with <paramref name="args"/>; the environment never leaks a data directory or server from the machine.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"durableclaims {string.Join(' ', args)} did not finish in time.\n{await stdout}\n{await stderr}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the CLI without waiting (for serve); the caller disposes and kills it.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "DURABLECLAIMS_DATA", "DURABLECLAIMS_KEY", "DURABLECLAIMS_API_KEYS", "AzureWebJobsStorage" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet.");
    }

    private static string DotnetHost()
        => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string LocateCli()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "DurableClaims.Cli.dll");
        var runtimeConfig = Path.ChangeExtension(path, ".runtimeconfig.json");
        if (!File.Exists(path) || !File.Exists(runtimeConfig))
        {
            throw new FileNotFoundException($"The built CLI was not found next to the tests ({path} with its runtimeconfig); build the test project.");
        }

        return path;
    }
}

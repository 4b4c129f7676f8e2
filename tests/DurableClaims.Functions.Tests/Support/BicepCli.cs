using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace DurableClaims.Functions.Tests.Support;

/// <summary>Runs the Bicep CLI that the test project's PackageDownload put in the NuGet packages folder.</summary>
internal static partial class BicepCli
{
    private static readonly Lazy<string> LazyPath = new(Locate);

    /// <summary>Gets the pinned CLI version (the test project's BicepCliVersion property).</summary>
    public static string Version => Metadata("BicepCliVersion");

    /// <summary>Gets the path of the executable.</summary>
    public static string ExecutablePath => LazyPath.Value;

    /// <summary>Runs bicep with <paramref name="arguments"/> from the repository root.</summary>
    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 3 minutes.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable("BICEP_CLI_PATH");
        if (!string.IsNullOrEmpty(overridePath))
        {
            return EnsureExecutable(overridePath);
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                "The pinned Bicep CLI package is linux-x64; on other platforms set BICEP_CLI_PATH to a bicep " + Version + " binary.");
        }

        var packageId = Metadata("BicepCliPackageId").ToLowerInvariant();
        var candidates = new List<string>();
        foreach (var root in PackageRoots())
        {
            candidates.Add(Path.Combine(root, packageId, Version, "tools", "bicep"));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return EnsureExecutable(candidate);
            }
        }

        throw new FileNotFoundException(
            "The Bicep CLI was not found; restore tests/DurableClaims.Functions.Tests (its PackageDownload fetches it). Looked in: "
            + string.Join(", ", candidates));
    }

    private static IEnumerable<string> PackageRoots()
    {
        // 1. The folder restore actually used (NuGetPackageRoot, recorded at build time).
        var recorded = Metadata("NuGetPackageRoot");
        if (!string.IsNullOrWhiteSpace(recorded))
        {
            yield return recorded;
        }

        // 2. NUGET_PACKAGES, 3. the per-user default.
        var env = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(env))
        {
            yield return env;
        }

        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    private static string EnsureExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            // NuGet extracts package files without the execute bit on some setups.
            var mode = File.GetUnixFileMode(path);
            const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | execute);
            }
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing (see the test project file).");

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+),(?<column>\d+)\)\s*:\s*(?<level>Error|Warning|Info)\s+(?<code>[^:]+):\s*(?<message>.*)$", RegexOptions.Multiline)]
    internal static partial Regex DiagnosticPattern();
}

/// <summary>The outcome of one Bicep CLI run.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">What it wrote to stdout.</param>
/// <param name="StandardError">What it wrote to stderr (diagnostics go here).</param>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Gets every error or warning diagnostic the CLI reported, as printed.</summary>
    public IReadOnlyList<string> Diagnostics =>
        BicepCli.DiagnosticPattern().Matches(StandardError + "\n" + StandardOutput)
            .Where(m => m.Groups["level"].Value is "Error" or "Warning")
            .Select(m => m.Value.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Formats the run for an assertion message.</summary>
    public override string ToString() => $"exit {ExitCode}\nstderr:\n{StandardError}";
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Runs this benchmark executable again with other arguments and reads the JSON object on its last stdout line.</summary>
/// <remarks>Each stack runs in its own process so that one stack's heap, threads and SQLite pools do not show up in the next one's numbers.</remarks>
internal static class ChildProcess
{
    public static async Task<Dictionary<string, JsonElement>> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };

        // Under "dotnet DurableClaims.Benchmarks.dll" the process path is the host, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await child.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not finish within {timeout.TotalMinutes:0} min.");
        }

        var lastLine = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (child.ExitCode != 0 || lastLine is null || !lastLine.StartsWith('{'))
        {
            throw new InvalidOperationException($"'{string.Join(' ', arguments)}' exited with {child.ExitCode} and no JSON result.");
        }

        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(lastLine)!;
    }
}

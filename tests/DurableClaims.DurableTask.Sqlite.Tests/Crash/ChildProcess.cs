using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace DurableClaims.DurableTask.Sqlite.Tests.Crash;

/// <summary>The sample's crash-child workload as a separate process, with its output captured.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

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

    public static ChildProcess Start(string database, int count)
    {
        var dll = typeof(ChildProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleDll").Value!;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "crash-child", "--database", database, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>True once the child's host runs; false if it exited or stayed silent for 30 s.</summary>
    public async Task<bool> WaitForStartedAsync()
    {
        var first = await Task.WhenAny(_started.Task, Process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        return first == _started.Task;
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }

        Process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line == "started")
        {
            _started.TrySetResult();
        }
    }
}

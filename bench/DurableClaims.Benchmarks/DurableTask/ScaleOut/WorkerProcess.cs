using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>The coordinator's handle on one worker process (this executable with <c>--worker-only azurestorage</c>): its signals, stats and totals.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly SignalBoard _board;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Dictionary<string, JsonElement>> _totals = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private TaskCompletionSource<JsonElement>? _stats;

    private WorkerProcess(Process process, SignalBoard board, string workerId)
    {
        (_process, _board, WorkerId) = (process, board, workerId);
        _reader = ReadAsync();
    }

    public string WorkerId { get; }

    public int Pid => _process.Id;

    public Task Ready => _ready.Task;

    public static WorkerProcess Start(BenchHub hub, string workerId, SignalBoard board)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };

        // Under "dotnet DurableClaims.Benchmarks.dll" the process path is the host, which needs the assembly first.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "--worker-only", "azurestorage", "--hub", hub.Name, "--connection", hub.ConnectionString, "--worker-id", workerId, "--poll-ms", hub.PollMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(start)!, board, workerId);
    }

    /// <summary>The worker's steps, activities and storage requests per port since the previous ask.</summary>
    public async Task<JsonElement> StatsAsync()
    {
        _stats = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        return await _stats.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the worker (it releases its leases) and returns its totals: steps, activities, peak RSS, CPU seconds.</summary>
    public async Task<Dictionary<string, JsonElement>> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        var totals = await _totals.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync();
        return totals;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reader;
        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("W ", StringComparison.Ordinal))
            {
                _board.ReportWaiting(line[2..]);
            }
            else if (line.StartsWith("D ", StringComparison.Ordinal))
            {
                _board.ReportDone(line[2..]);
            }
            else if (line.StartsWith("S ", StringComparison.Ordinal))
            {
                _stats?.TrySetResult(JsonSerializer.Deserialize<JsonElement>(line[2..]));
            }
            else if (line == "ready")
            {
                _ready.TrySetResult();
            }
            else if (line.StartsWith('{'))
            {
                _totals.TrySetResult(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!);
            }
        }

        _ready.TrySetException(new InvalidOperationException($"Worker {WorkerId} exited before it was ready."));
        _totals.TrySetException(new InvalidOperationException($"Worker {WorkerId} exited without its totals."));
    }
}

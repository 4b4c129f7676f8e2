using System.Diagnostics;
using System.Reflection;
using DurableClaims.Samples.Workflow;
using Xunit.Abstractions;

namespace DurableClaims.Durable.Tests.Crash;

public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    // Enough work that ~20 kills land before it finishes: with pipelined dispatch a run of 200 was too short.
    private const int Instances = 400;
    private const int Kills = 20;
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "durable-crash", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Engine_KilledWithSigkillRepeatedly_ShouldCompleteEveryInstanceWithEachResultAppliedOnce(bool pipelined)
    {
        // Arrange
        var random = new Random(20260105);
        var budget = Stopwatch.StartNew();
        var kills = 0;

        // Act: start the workload, kill -9 it at a random moment, restart; bounded in count and time.
        while (kills < Kills && budget.Elapsed < TimeSpan.FromSeconds(45))
        {
            using var child = StartChild(pipelined);
            var started = await child.WaitForStartedAsync();
            if (!started)
            {
                break;
            }

            await Task.Delay(random.Next(20, 400));
            if (child.Process.HasExited)
            {
                break;
            }

            child.Process.Kill();
            await child.Process.WaitForExitAsync();
            kills++;
        }

        using (var final = StartChild(pipelined))
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await final.Process.WaitForExitAsync(cts.Token);
            Assert.True(final.Process.ExitCode == 0, "the final run failed: " + final.Output);
        }

        // Assert
        output.WriteLine($"{kills} SIGKILLs in {budget.Elapsed.TotalSeconds:0.0} s");
        Assert.True(kills >= 10, $"only {kills} kills landed before the work finished");
        await using var engine = new DurableEngine(new DurableTaskRegistry(), new DurableEngineOptions { DataDirectory = _dataDir });
        await engine.StartAsync(CancellationToken.None);
        for (var i = 0; i < Instances; i++)
        {
            var id = $"order-{i:D4}";
            var instance = await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
            Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
            Assert.Equal(OrderWorkflow.ExpectedOutput(CrashChild.OrderFor(id), "TRK-" + id), instance.ReadOutputAs<string>());

            var history = await engine.Client.GetHistoryAsync(id);
            var scheduled = history.Where(e => e.EventType == "TaskScheduled").Select(e => e.EventId).ToList();
            var completed = history.Where(e => e.EventType == "TaskCompleted").Select(e => e.EventId).ToList();
            Assert.Equal(3, scheduled.Count);
            Assert.Equal(scheduled, completed.Order());
            Assert.Single(history, e => e.EventType == "ExecutionCompleted");
            Assert.Contains(history, e => e.EventType == "EventRaised");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private ChildProcess StartChild(bool pipelined)
    {
        var dll = typeof(CrashRecoveryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SampleWorkflowDll").Value!;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "crash-child", "--data-dir", _dataDir, "--count", Instances.ToString(System.Globalization.CultureInfo.InvariantCulture), "--pipelined", pipelined ? "true" : "false" })
        {
            info.ArgumentList.Add(arg);
        }

        return new ChildProcess(Process.Start(info)!);
    }

    private sealed class ChildProcess : IDisposable
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly System.Text.StringBuilder _output = new();

        public ChildProcess(Process process)
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
}

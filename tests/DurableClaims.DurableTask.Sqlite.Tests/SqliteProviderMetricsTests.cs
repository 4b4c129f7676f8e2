using System.Diagnostics.Metrics;
using DurableClaims.DurableTask.Sqlite.Diagnostics;
using DurableClaims.DurableTask.Testing;
using DurableClaims.DurableTask.Testing.Contract;
using DurableClaims.DurableTask.Testing.Workflows;

namespace DurableClaims.DurableTask.Sqlite.Tests;

/// <summary>The provider's OpenTelemetry meter reports what an operator watches: steps, commits and queue depths.</summary>
public sealed class SqliteProviderMetricsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dc-sqlite-metrics-").FullName;

    [Fact]
    public async Task Meter_WorkflowRun_ShouldReportStepsCommitsAndQueueDepths()
    {
        var hub = Path.GetFullPath(Path.Combine(_directory, "hub.db"));
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SqliteProviderMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            // Other tests' hubs report to the same meter at the same time: count this hub only.
            var ours = false;
            foreach (var tag in tags)
            {
                ours |= tag.Key == SqliteProviderMetrics.HubTag && Equals(tag.Value, hub);
            }

            if (!ours)
            {
                return;
            }

            lock (measured)
            {
                measured[instrument.Name] = measured.GetValueOrDefault(instrument.Name) + value;
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
        await using var host = await TaskHubHost.StartAsync(new SqliteOrchestrationService(new SqliteOrchestrationServiceOptions { DatabasePath = hub }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetAll), new[] { "Ada", "Bo" });
        await Waits.CompletionAsync(host.Client, id);
        listener.RecordObservableInstruments();

        // GreetAll with two names: start + one step per activity result = 3 steps, 2 activities.
        Assert.Equal(3, measured.GetValueOrDefault("durabletask.sqlite.orchestration.steps"));
        Assert.Equal(2, measured.GetValueOrDefault("durabletask.sqlite.activities"));
        Assert.True(measured.GetValueOrDefault("durabletask.sqlite.commit.batch_size") >= 1);
        Assert.True(measured.ContainsKey("durabletask.sqlite.commit.duration"));
        Assert.True(measured.ContainsKey("durabletask.sqlite.queue.ready_instances"));
        Assert.True(measured.ContainsKey("durabletask.sqlite.instances.live"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

using DurableClaims.Api.Management;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Host.Extensions;
using DurableClaims.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Testing;

/// <summary>The claims workflow as the local host runs it (Microsoft's worker and client on the SQLite task hub in a data directory) with a fake clock, for whole-claim tests.</summary>
/// <remarks>
/// The fake clock drives the task hub's timers and the claims services. It follows the wall clock (a retry
/// timer a second away fires a second later) plus what <see cref="Advance"/> added, because the orchestrator
/// sets its timers from Microsoft's CurrentUtcDateTime, the wall clock when a step starts.
/// </remarks>
public sealed class WorkflowHost : IAsyncDisposable
{
    /// <summary>The clock claims are parsed with in tests (their submission time): 2026-11-23 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly Lock _clock = new();
    private readonly Timer _ticker;
    private TimeSpan _offset;

    private WorkflowHost(IHost host, FakeTimeProvider time, string dataDirectory)
    {
        (_host, Time, DataDirectory) = (host, time, dataDirectory);
        Client = host.Services.GetRequiredService<DurableTaskClient>();
        _ticker = new Timer(_ => Tick(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client { get; }

    public ISessionStore Sessions => Services.GetRequiredService<ISessionStore>();

    public IDocumentStore Documents => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts a host on <paramref name="dataDirectory"/>; settings are "Claims:…" keys or the flat ORCHESTRATION_* names.</summary>
    /// <param name="dataDirectory">The claims data directory (the SQLite task hub lives there).</param>
    /// <param name="settings">Configuration values over the test defaults.</param>
    /// <param name="model">The chat model the agents use, instead of the configured one.</param>
    /// <param name="configureServices">Runs after the runtime is registered, e.g. to stand in for another build of the workflow.</param>
    public static async Task<WorkflowHost> StartAsync(
        string dataDirectory,
        IDictionary<string, string?>? settings = null,
        IChatCompletionService? model = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Claims:DataDirectory"] = dataDirectory,
            ["Claims:ActivityMaxAttempts"] = "1",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddDurableClaimsRuntime(builder.Configuration);
        if (model is not null)
        {
            builder.Services.AddSingleton(model);
        }

        configureServices?.Invoke(builder.Services);

        var host = builder.Build();
        await host.StartAsync();
        return new WorkflowHost(host, time, dataDirectory);
    }

    /// <summary>Stores a file for each document the claim names that has none yet (as the portal sends them with it), then schedules the claim under its id.</summary>
    public async Task<string> SubmitAsync(ClaimSubmission claim)
    {
        await StoreDocumentsOfAsync(claim);
        return await Client.ScheduleNewOrchestrationInstanceAsync(ClaimWorkflow.OrchestratorName, claim, new StartOrchestrationOptions { InstanceId = claim.ClaimId });
    }

    /// <summary>Stores a file for each document the claim names that has none yet, as the portal sends them with it.</summary>
    public async Task StoreDocumentsOfAsync(ClaimSubmission claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var stored = await Documents.ListAsync(claim.ClaimId);
        foreach (var document in claim.Documents.Where(d => !stored.Any(s => s.Type == d.Type && s.Filename == d.Filename)))
        {
            await StoreAsync(claim.ClaimId, document.Type, document.Filename);
        }
    }

    /// <summary>Stores a file <c>type.txt</c> per type and raises DocumentsReceived with their locations, as the documents route does.</summary>
    public async Task DeliverAsync(string claimId, params string[] types)
    {
        var documents = new List<ReceivedDocument>();
        foreach (var type in types)
        {
            documents.Add(new ReceivedDocument(type, type + ".txt", (await StoreAsync(claimId, type, type + ".txt")).Location));
        }

        await Client.RaiseEventAsync(claimId, ClaimWorkflow.Events.DocumentsReceived, new DocumentsReceived(documents, "test"));
    }

    private async Task<StoredDocument> StoreAsync(string claimId, string type, string filename)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{type} of claim {claimId}"));
        return await Documents.SaveAsync(claimId, type, filename, content);
    }

    /// <summary>Waits (real time, up to 30 s) until the claim's custom status satisfies <paramref name="condition"/>.</summary>
    public async Task<ClaimProgress> WaitForAsync(string claimId, Func<ClaimProgress, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        ClaimProgress? last = null;
        while (DateTime.UtcNow < until)
        {
            var metadata = await Client.GetInstanceAsync(claimId, getInputsAndOutputs: true);
            last = metadata?.ReadCustomStatusAs<ClaimProgress>();
            if (last is not null && condition(last))
            {
                return last;
            }

            if (metadata is { IsCompleted: true })
            {
                break;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"Claim {claimId} never reached the expected state; last status {last?.Status}/{last?.Phase}/{last?.Reason}.");
    }

    /// <summary>Waits until the claim is paused waiting for <paramref name="awaiting"/> with the given number of reminders, and idle on its timer.</summary>
    public Task<ClaimProgress> WaitForPauseAsync(string claimId, string awaiting = ClaimAwaiting.Documents, int reminders = 0)
        => WaitForIdleAsync(claimId, p => p.Status == ClaimStatusCodes.Paused && p.Awaiting == awaiting && p.Reminders == reminders);

    /// <summary>Waits until the status satisfies <paramref name="condition"/> and the orchestration's last action is a timer.</summary>
    /// <remarks>The custom status says "paused" one step before the reminder timer exists; moving the fake clock earlier would be lost.</remarks>
    public async Task<ClaimProgress> WaitForIdleAsync(string claimId, Func<ClaimProgress, bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var progress = await WaitForAsync(claimId, condition);
            var history = (await Client.GetOrchestrationHistoryAsync(claimId)).Select(HistoryEntry.From).ToList();
            if (IsIdleOnTimer(history))
            {
                return progress;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Claim {claimId} never became idle; last history event {(history.Count > 0 ? history[^1].EventType : "none")}.");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Idle: no activity in flight, and the last action the orchestrator took was creating a timer.</summary>
    /// <remarks>Webhook deliveries are not awaited by the claim, so their completions may follow the timer in the history.</remarks>
    private static bool IsIdleOnTimer(List<HistoryEntry> history)
    {
        var scheduled = history.Count(e => e.EventType == "TaskScheduled");
        var finished = history.Count(e => e.EventType is "TaskCompleted" or "TaskFailed");
        var lastAction = history.LastOrDefault(e => e.EventType is not ("TaskCompleted" or "TaskFailed" or "OrchestratorStarted" or "OrchestratorCompleted"));
        return scheduled == finished && lastAction?.EventType == "TimerCreated";
    }

    /// <summary>Waits for the claim to end and returns its outcome.</summary>
    public async Task<ClaimOutcome> WaitForOutcomeAsync(string claimId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        OrchestrationMetadata metadata;
        try
        {
            metadata = await Client.WaitForInstanceCompletionAsync(claimId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException ex)
        {
            var last = await Client.GetInstanceAsync(claimId, getInputsAndOutputs: true);
            var history = last is null ? [] : (await Client.GetOrchestrationHistoryAsync(claimId)).Select(HistoryEntry.From).ToList();
            throw new TimeoutException(
                $"Claim {claimId} did not end in 60 s: {last?.RuntimeStatus}, status {last?.SerializedCustomStatus}, history "
                + string.Join(", ", history.Select(e => $"{e.EventType}({e.Name ?? e.TaskId.ToString(System.Globalization.CultureInfo.InvariantCulture)})")),
                ex);
        }

        return metadata.ReadOutputAs<ClaimOutcome>()
            ?? throw new InvalidOperationException($"Claim {claimId} ended {metadata.RuntimeStatus} without an outcome: {metadata.FailureDetails}");
    }

    /// <summary>Counts the DocumentsReceived events raised for the claim so far.</summary>
    public async Task<int> CountRaisedDocumentsAsync(string claimId)
        => (await Client.GetOrchestrationHistoryAsync(claimId)).Select(HistoryEntry.From)
            .Count(e => e.EventType == "EventRaised" && e.Name == ClaimWorkflow.Events.DocumentsReceived);

    /// <summary>Waits (at most 30 s) for the first DocumentsReceived raised for the claim and returns its payload.</summary>
    public async Task<DocumentsReceived> WaitForRaisedDocumentsAsync(string claimId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var raised = (await Client.GetOrchestrationHistoryAsync(claimId)).Select(HistoryEntry.From)
                .FirstOrDefault(e => e.EventType == "EventRaised" && e.Name == ClaimWorkflow.Events.DocumentsReceived);
            if (raised?.Data is { } data)
            {
                return System.Text.Json.JsonSerializer.Deserialize<DocumentsReceived>(data, ClaimsJson.Options)!;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No DocumentsReceived was raised for {claimId}.");
    }

    /// <summary>Puts the fake clock <paramref name="by"/> further ahead of the wall clock; timers now due fire.</summary>
    public void Advance(TimeSpan by)
    {
        lock (_clock)
        {
            _offset += by;
        }

        Tick();
    }

    private void Tick()
    {
        lock (_clock)
        {
            var target = DateTimeOffset.UtcNow + _offset;
            if (target > Time.GetUtcNow())
            {
                Time.SetUtcNow(target);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(stop.Token);
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}

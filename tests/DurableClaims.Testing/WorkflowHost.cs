using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Durable;
using DurableClaims.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Testing;

/// <summary>The claims workflow on the real embedded engine (SQLite in a data directory) with a fake clock, for whole-claim tests.</summary>
public sealed class WorkflowHost : IAsyncDisposable
{
    /// <summary>The fake clock's start: 2026-11-23 09:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly DurableEngine _engine;

    private WorkflowHost(ServiceProvider services, DurableEngine engine, FakeTimeProvider time, string dataDirectory)
    {
        (_services, _engine, Time, DataDirectory) = (services, engine, time, dataDirectory);
    }

    public FakeTimeProvider Time { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => _services;

    public DurableTaskClient Client => _engine.Client;

    public ISessionStore Sessions => _services.GetRequiredService<ISessionStore>();

    public IDocumentStore Documents => _services.GetRequiredService<IDocumentStore>();

    /// <summary>Starts a host on <paramref name="dataDirectory"/>; settings are "Claims:…" keys or the flat ORCHESTRATION_* names.</summary>
    public static async Task<WorkflowHost> StartAsync(
        string dataDirectory, IDictionary<string, string?>? settings = null, IChatCompletionService? model = null, FakeTimeProvider? time = null)
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

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        time ??= new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(time)
            .AddDurableClaims(configuration);
        if (model is not null)
        {
            services.AddSingleton(model);
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var engine = new DurableEngine(
            new DurableTaskRegistry().AddClaimsWorkflow(),
            new DurableEngineOptions { DataDirectory = dataDirectory, CachedInstances = 0 },
            provider,
            time,
            provider.GetRequiredService<ILoggerFactory>());
        await engine.StartAsync(CancellationToken.None);
        return new WorkflowHost(provider, engine, time, dataDirectory);
    }

    /// <summary>Schedules a claim with its id as instance id.</summary>
    public Task<string> SubmitAsync(ClaimSubmission claim)
        => Client.ScheduleNewOrchestrationInstanceAsync(ClaimWorkflow.OrchestratorName, claim, new StartOrchestrationOptions(claim?.ClaimId));

    /// <summary>Raises DocumentsReceived with documents named <c>type.txt</c>.</summary>
    public Task DeliverAsync(string claimId, params string[] types)
        => Client.RaiseEventAsync(claimId, ClaimWorkflow.Events.DocumentsReceived, new DocumentsReceived([.. types.Select(t => new ReceivedDocument(t, t + ".txt"))], "test"));

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
            var history = await Client.GetHistoryAsync(claimId);
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
    private static bool IsIdleOnTimer(IReadOnlyList<HistoryEvent> history)
    {
        var scheduled = history.Count(e => e.EventType == "TaskScheduled");
        var finished = history.Count(e => e.EventType is "TaskCompleted" or "TaskFailed");
        var lastAction = history.LastOrDefault(e => e.EventType is not ("TaskCompleted" or "TaskFailed" or "OrchestratorStarted"));
        return scheduled == finished && lastAction?.EventType == "TimerCreated";
    }

    /// <summary>Waits for the claim to end and returns its outcome.</summary>
    public async Task<ClaimOutcome> WaitForOutcomeAsync(string claimId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var metadata = await Client.WaitForInstanceCompletionAsync(claimId, getInputsAndOutputs: true, timeout.Token);
        return metadata.ReadOutputAs<ClaimOutcome>()
            ?? throw new InvalidOperationException($"Claim {claimId} ended {metadata.RuntimeStatus} without an outcome: {metadata.FailureDetails}");
    }

    /// <summary>Advances the fake clock.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _services.DisposeAsync();
    }
}

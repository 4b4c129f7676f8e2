using System.Collections.Concurrent;
using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Pipelining;

/// <summary>A three-activity chain whose first activity waits for a gate; counts and signals every activity run.</summary>
internal sealed class ChainProbe
{
    public const string Name = "Chain";
    public const string Expected = "x123";

    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ran = new(StringComparer.Ordinal);

    public Gate Gate { get; } = new();

    /// <summary>Gets a signal set when the orchestrator has returned in memory (its final step was executed).</summary>
    public TaskCompletionSource Returned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Runs(string activity) => _runs.GetValueOrDefault(activity);

    public Task Ran(string activity) => Signal(activity).Task.WaitAsync(EngineHarness.Patience);

    public void Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("First", async (_, s) =>
        {
            await Gate.WaitAsync();
            return Count("First", s + "1");
        })
        .AddActivityFunc<string, string>("Second", (_, s) => Task.FromResult(Count("Second", s + "2")))
        .AddActivityFunc<string, string>("Third", (_, s) => Task.FromResult(Count("Third", s + "3")))
        .AddOrchestratorFunc<string, string>(Name, async (ctx, input) =>
        {
            var first = await ctx.CallActivityAsync<string>("First", input);
            var second = await ctx.CallActivityAsync<string>("Second", first);
            var third = await ctx.CallActivityAsync<string>("Third", second);
            Returned.TrySetResult();
            return third;
        });

    private string Count(string activity, string output)
    {
        _runs.AddOrUpdate(activity, 1, (_, n) => n + 1);
        Signal(activity).TrySetResult();
        return output;
    }

    private TaskCompletionSource Signal(string activity)
        => _ran.GetOrAdd(activity, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

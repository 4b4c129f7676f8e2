using Microsoft.DurableTask;

namespace DurableClaims.DurableTask.Testing.Workflows;

/// <summary>Counts calls per key so a test can make an activity fail a given number of times.</summary>
public sealed class FlakyCounter
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int Next(string key)
    {
        lock (_calls)
        {
            _calls[key] = _calls.GetValueOrDefault(key) + 1;
            return _calls[key];
        }
    }
}

/// <summary>Fails the first (input) calls for this instance, then succeeds with the attempt number.</summary>
public sealed class Flaky(FlakyCounter counter) : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int failures)
    {
        var attempt = counter.Next(context.InstanceId);
        return attempt <= failures
            ? throw new InvalidOperationException($"attempt {attempt} failed")
            : Task.FromResult(attempt);
    }
}

/// <summary>Calls <see cref="Flaky"/> with a retry policy of three attempts.</summary>
public sealed class RetryFlaky : TaskOrchestrator<int, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, int failures) =>
        context.CallActivityAsync<int>(
            nameof(Flaky),
            failures,
            TaskOptions.FromRetryPolicy(new RetryPolicy(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromMilliseconds(50))));
}

/// <summary>Calls an activity that always fails and reports what the orchestrator caught.</summary>
public sealed class CatchFailure : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        try
        {
            await context.CallActivityAsync(nameof(AlwaysFails));
            return "no failure";
        }
        catch (TaskFailedException ex)
        {
            return $"{ex.TaskName}: {ex.FailureDetails.ErrorType}: {ex.FailureDetails.ErrorMessage}";
        }
    }
}

/// <summary>Always throws.</summary>
public sealed class AlwaysFails : TaskActivity<object?, object?>
{
    public override Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        throw new InvalidOperationException("the ledger is closed");
}

/// <summary>Simulates a code change between runs: instances listed here run <see cref="ShapeShifter"/>'s new shape.</summary>
public static class ShapeSwitch
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Changed = new(StringComparer.Ordinal);

    public static void Change(string instanceId) => Changed[instanceId] = true;

    public static bool IsChanged(string instanceId) => Changed.ContainsKey(instanceId);
}

/// <summary>Calls SayHello then waits for Approval; after <see cref="ShapeSwitch.Change"/> it starts with a timer instead.</summary>
public sealed class ShapeShifter : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        if (ShapeSwitch.IsChanged(context.InstanceId))
        {
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        }
        else
        {
            await context.CallActivityAsync<string>(nameof(SayHello), "first");
        }

        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<string>(SampleNames.Approval);
    }
}

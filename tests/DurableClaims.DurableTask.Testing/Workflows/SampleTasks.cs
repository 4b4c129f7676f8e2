using Microsoft.DurableTask;

namespace DurableClaims.DurableTask.Testing.Workflows;

/// <summary>Event and task names the sample workflows use.</summary>
public static class SampleNames
{
    public const string Approval = nameof(Approval);
    public const string Add = nameof(Add);
    public const string Item = nameof(Item);
}

/// <summary>Greets every name through an activity, in order.</summary>
public sealed class GreetAll : TaskOrchestrator<string[], string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string[] input)
    {
        var greetings = new List<string>();
        foreach (var name in input)
        {
            greetings.Add(await context.CallActivityAsync<string>(nameof(SayHello), name));
        }

        return string.Join(" ", greetings);
    }
}

/// <summary>Returns "Hello, {name}!".</summary>
public sealed class SayHello : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello, {input}!");
}

/// <summary>Waits for the Approval event, with an optional timeout in seconds (0 waits forever).</summary>
public sealed class AwaitApproval : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int timeoutSeconds)
    {
        context.SetCustomStatus("waiting");
        try
        {
            return timeoutSeconds > 0
                ? await context.WaitForExternalEvent<string>(SampleNames.Approval, TimeSpan.FromSeconds(timeoutSeconds))
                : await context.WaitForExternalEvent<string>(SampleNames.Approval);
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }
}

/// <summary>Collects a number of Item events and returns them in arrival order.</summary>
public sealed class CollectItems : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int count)
    {
        var items = new List<string>();
        for (var i = 0; i < count; i++)
        {
            items.Add(await context.WaitForExternalEvent<string>(SampleNames.Item));
        }

        return string.Join(",", items);
    }
}

/// <summary>Races the Approval event against a one-hour timer and cancels the loser.</summary>
public sealed class ApprovalOrTimer : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        using var cancel = new CancellationTokenSource();
        var approval = context.WaitForExternalEvent<string>(SampleNames.Approval, cancel.Token);
        var timer = context.CreateTimer(TimeSpan.FromHours(1), cancel.Token);
        var winner = await Task.WhenAny(approval, timer);
        // Cancel synchronously: CancelAsync would run the timer's cancellation off the orchestration's own scheduler.
#pragma warning disable CA1849
        cancel.Cancel();
#pragma warning restore CA1849
        return winner == approval ? $"approved: {approval.Result}" : "expired";
    }
}

/// <summary>Sleeps on a durable timer of the given number of days.</summary>
public sealed class SleepDays : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int days)
    {
        await context.CreateTimer(TimeSpan.FromDays(days), CancellationToken.None);
        return "woke up";
    }
}

/// <summary>Adds Add events to a running total across ContinueAsNew generations until it reaches the input's target.</summary>
public sealed class RunningTotal : TaskOrchestrator<int[], int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int[] input)
    {
        var (target, total) = (input[0], input[1]);
        total += await context.WaitForExternalEvent<int>(SampleNames.Add);
        if (total >= target)
        {
            return total;
        }

        context.ContinueAsNew(new[] { target, total }, preserveUnprocessedEvents: true);
        return total;
    }
}

/// <summary>Greets through a sub-orchestration with a fixed child id.</summary>
public sealed class GreetViaChild : TaskOrchestrator<string[], string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string[] input) =>
        context.CallSubOrchestratorAsync<string>(nameof(GreetAll), input, new SubOrchestrationOptions { InstanceId = context.InstanceId + "-child" });
}

using Microsoft.DurableTask;

namespace DurableClaims.DurableTask.Hosting.Tests.Samples;

/// <summary>Greets a name through an activity that needs a scoped service.</summary>
public sealed class GreetOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(GreetActivity), input);
}

/// <summary>Formats a greeting with the scoped <see cref="ScopeProbe"/> of its execution.</summary>
public sealed class GreetActivity(ScopeProbe probe) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input)
    {
        probe.Use(context.InstanceId);
        return Task.FromResult($"Hello, {input}!");
    }
}

/// <summary>Greets twice, so two activity executions (and scopes) belong to one instance.</summary>
public sealed class GreetTwiceOrchestrator : TaskOrchestrator<string, string[]>
{
    public override async Task<string[]> RunAsync(TaskOrchestrationContext context, string input) =>
    [
        await context.CallActivityAsync<string>(nameof(GreetActivity), input),
        await context.CallActivityAsync<string>(nameof(GreetActivity), input),
    ];
}

/// <summary>Waits for an approval event and returns its payload.</summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<string?, string>
{
    public const string ApprovedEvent = "Approved";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string? input)
    {
        context.SetCustomStatus("waiting");
        var approver = await context.WaitForExternalEvent<string>(ApprovedEvent);
        return $"approved by {approver}";
    }
}

/// <summary>Calls a child orchestration that reports its parent.</summary>
public sealed class ParentOrchestrator : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallSubOrchestratorAsync<string>(nameof(ChildOrchestrator));
}

/// <summary>Returns the instance id of its parent orchestration.</summary>
public sealed class ChildOrchestrator : TaskOrchestrator<string?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        Task.FromResult(context.Parent?.InstanceId ?? "no parent");
}

/// <summary>Calls an activity nobody registered.</summary>
public sealed class CallsMissingActivityOrchestrator : TaskOrchestrator<string?, string>
{
    public const string MissingActivityName = "NoSuchActivity";

    public override Task<string> RunAsync(TaskOrchestrationContext context, string? input) =>
        context.CallActivityAsync<string>(MissingActivityName);
}

/// <summary>A structured payload, to observe how the data converter shapes it.</summary>
public sealed record Greeting(string Name);

/// <summary>Returns its input unchanged.</summary>
public sealed class EchoOrchestrator : TaskOrchestrator<Greeting, Greeting>
{
    public override Task<Greeting> RunAsync(TaskOrchestrationContext context, Greeting input) => Task.FromResult(input);
}

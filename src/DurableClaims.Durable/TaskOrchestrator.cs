namespace DurableClaims.Durable;

/// <summary>Base class for class-based orchestrators (mirrors Microsoft.DurableTask.TaskOrchestrator).</summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <summary>Runs the orchestration; must be deterministic.</summary>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    async Task<string?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, string? input)
        => DurableJson.Serialize(await RunAsync(context, DurableJson.Deserialize<TInput>(input)!));
}

/// <summary>Base class for class-based activities (mirrors Microsoft.DurableTask.TaskActivity).</summary>
/// <remarks>Activities run at least once: after a crash an activity whose result was not yet committed runs again, so it must be idempotent.</remarks>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <summary>Runs the activity; may do I/O.</summary>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    async Task<string?> ITaskActivity.RunAsync(TaskActivityContext context, string? input)
        => DurableJson.Serialize(await RunAsync(context, DurableJson.Deserialize<TInput>(input)!));
}

/// <summary>Information about the activity invocation.</summary>
/// <param name="Name">The activity name.</param>
/// <param name="InstanceId">The orchestration instance that scheduled it.</param>
/// <param name="Attempt">The 1-based delivery attempt of this task (grows on redelivery after a crash or on retry).</param>
public sealed record TaskActivityContext(string Name, string InstanceId, int Attempt = 1)
{
    /// <summary>Gets a token signalled when the engine stops; the activity then runs again after restart.</summary>
    public CancellationToken CancellationToken { get; init; }
}

/// <summary>Non-generic view of an orchestrator, used by the engine to run it with JSON input.</summary>
internal interface ITaskOrchestrator
{
    Task<string?> RunAsync(TaskOrchestrationContext context, string? input);
}

/// <summary>Non-generic view of an activity, used by the engine to run it with JSON input.</summary>
internal interface ITaskActivity
{
    Task<string?> RunAsync(TaskActivityContext context, string? input);
}

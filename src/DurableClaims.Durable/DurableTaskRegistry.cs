using DurableClaims.Durable.Core;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Durable;

/// <summary>Registers orchestrators and activities by name (mirrors Microsoft.DurableTask.DurableTaskRegistry).</summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, Func<IServiceProvider, OrchestratorInvoker>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityInvoker> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers a class-based orchestrator under its class name.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>() where TOrchestrator : class
        => AddOrchestrator<TOrchestrator>(typeof(TOrchestrator).Name);

    /// <summary>Registers a class-based orchestrator under <paramref name="name"/>; a new instance runs each execution.</summary>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(string name) where TOrchestrator : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EnsureImplements<TOrchestrator>(typeof(ITaskOrchestrator), "TaskOrchestrator<TInput, TOutput>");
        _orchestrators[name] = services => (context, input) =>
            ((ITaskOrchestrator)ActivatorUtilities.GetServiceOrCreateInstance<TOrchestrator>(services)).RunAsync(context, input);
        return this;
    }

    /// <summary>Registers a function-based orchestrator.</summary>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> orchestrator)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(orchestrator);
        _orchestrators[name] = _ => async (context, input) =>
            DurableJson.Serialize(await orchestrator(context, DurableJson.Deserialize<TInput>(input)!));
        return this;
    }

    /// <summary>Registers a class-based activity under its class name.</summary>
    public DurableTaskRegistry AddActivity<TActivity>() where TActivity : class
        => AddActivity<TActivity>(typeof(TActivity).Name);

    /// <summary>Registers a class-based activity under <paramref name="name"/>; it is resolved from a new DI scope per invocation.</summary>
    public DurableTaskRegistry AddActivity<TActivity>(string name) where TActivity : class
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EnsureImplements<TActivity>(typeof(ITaskActivity), "TaskActivity<TInput, TOutput>");
        _activities[name] = async (services, context, input, _) =>
        {
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(scope.ServiceProvider);
                return await activity.RunAsync(context, input).ConfigureAwait(false);
            }
        };
        return this;
    }

    /// <summary>Registers a function-based activity.</summary>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(string name, Func<TaskActivityContext, TInput, Task<TOutput>> activity)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(activity);
        _activities[name] = async (_, context, input, _) =>
            DurableJson.Serialize(await activity(context, DurableJson.Deserialize<TInput>(input)!).ConfigureAwait(false));
        return this;
    }

    internal OrchestratorInvoker? FindOrchestrator(string name, IServiceProvider services)
        => _orchestrators.TryGetValue(name, out var factory) ? factory(services) : null;

    internal ActivityInvoker? FindActivity(string name)
        => _activities.TryGetValue(name, out var invoker) ? invoker : null;

    private static void EnsureImplements<T>(Type contract, string baseName)
    {
        if (!contract.IsAssignableFrom(typeof(T)))
        {
            throw new ArgumentException($"{typeof(T).Name} must derive from {baseName}.", nameof(T));
        }
    }
}

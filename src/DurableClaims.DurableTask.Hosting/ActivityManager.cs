using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Resolves activities by name (versions are ignored); each execution gets its own DI scope.</summary>
internal sealed class ActivityManager : INameVersionObjectManager<TaskActivity>
{
    private readonly IDurableTaskFactory _factory;
    private readonly DurableTaskShimFactory _shims;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;

    public ActivityManager(IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services, ILogger logger)
    {
        _factory = factory;
        _shims = shims;
        _services = services;
        _logger = logger;
    }

    public void Add(ObjectCreator<TaskActivity> creator) =>
        throw new NotSupportedException("Activities are registered through DurableTaskRegistry (AddTasks), not on the TaskHubWorker.");

    // Never null: TaskHubWorker would abandon and retry the work item forever instead of failing the activity.
    public TaskActivity GetObject(string name, string? version) => new ScopedActivity(name, this);

    private async Task<string> RunAsync(string name, TaskContext context, string input)
    {
        await using var scope = _services.CreateAsyncScope();
        if (!_factory.TryCreateActivity(new TaskName(name), scope.ServiceProvider, out var activity))
        {
            _logger.ActivityNotFound(name, context.OrchestrationInstance.InstanceId);
            throw new TaskNotFoundException($"No activity task named '{name}' was found.");
        }

        return await _shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input);
    }

    private sealed class ScopedActivity(string name, ActivityManager manager) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("Activities run asynchronously.");

        public override Task<string> RunAsync(TaskContext context, string input) => manager.RunAsync(name, context, input);
    }
}

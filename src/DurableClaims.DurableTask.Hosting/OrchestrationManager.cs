using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using CoreTaskFailedException = DurableTask.Core.Exceptions.TaskFailedException;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Resolves orchestrations by name (versions are ignored) from Microsoft's task registry.</summary>
internal sealed class OrchestrationManager(
    IDurableTaskFactory factory, DurableTaskShimFactory shims, IServiceProvider services, ILogger logger)
    : INameVersionObjectManager<TaskOrchestration>
{
    /// <summary>Error type of the failure, the same as Microsoft's gRPC worker reports.</summary>
    internal const string NotFoundErrorType = "OrchestratorTaskNotFound";

    public void Add(ObjectCreator<TaskOrchestration> creator) =>
        throw new NotSupportedException("Orchestrators are registered through DurableTaskRegistry (AddTasks), not on the TaskHubWorker.");

    public TaskOrchestration GetObject(string name, string? version)
    {
        if (factory.TryCreateOrchestrator(new TaskName(name), services, out var orchestrator))
        {
            return new ShimmedOrchestration(name, orchestrator, shims);
        }

        // Returning null would make TaskHubWorker abandon the work item and retry it forever with back-off.
        logger.OrchestratorNotFound(name);
        return new MissingOrchestration(name);
    }

    /// <summary>Dispatcher middleware that hands the parent instance to the shim before the first execution.</summary>
    /// <remarks>The name/version lookup cannot see the instance, but Microsoft's context exposes <c>Parent</c>.</remarks>
    public static Task BindParentAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is ShimmedOrchestration orchestration
            && context.GetProperty<OrchestrationRuntimeState>() is { } state)
        {
            orchestration.Bind(state.ParentInstance);
        }

        return next();
    }

    private sealed class ShimmedOrchestration(string name, ITaskOrchestrator orchestrator, DurableTaskShimFactory shims)
        : TaskOrchestration
    {
        private TaskOrchestration? _shim;

        public void Bind(ParentInstance? parent)
        {
            if (_shim is not null)
            {
                return;
            }

            var parentInstance = parent?.OrchestrationInstance is { } instance
                ? new ParentOrchestrationInstance(new TaskName(parent.Name), instance.InstanceId)
                : null;
            _shim = shims.CreateOrchestration(new TaskName(name), orchestrator, parentInstance);
        }

        public override Task<string> Execute(OrchestrationContext context, string input)
        {
            Bind(parent: null);
            return _shim!.Execute(context, input);
        }

        public override void RaiseEvent(OrchestrationContext context, string name, string input)
        {
            Bind(parent: null);
            _shim!.RaiseEvent(context, name, input);
        }

        public override string GetStatus() => _shim?.GetStatus()!;
    }

    private sealed class MissingOrchestration(string name) : TaskOrchestration
    {
        public override Task<string> Execute(OrchestrationContext context, string input)
        {
            var message = $"No orchestrator task named '{name}' was found.";

            // A TaskFailedException is the one failure whose details the executor keeps as given.
            return Task.FromException<string>(new CoreTaskFailedException(message)
            {
                FailureDetails = new FailureDetails(NotFoundErrorType, message, null, null, isNonRetriable: true),
            });
        }

        public override void RaiseEvent(OrchestrationContext context, string name, string input)
        {
        }

        public override string GetStatus() => null!;
    }
}

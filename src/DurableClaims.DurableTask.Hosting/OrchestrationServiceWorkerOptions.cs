using System.ComponentModel.DataAnnotations;
using DurableTask.Core;
using Microsoft.DurableTask.Worker;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Settings of a <see cref="OrchestrationServiceWorker"/>: Microsoft's worker options plus the orchestration service to run on.</summary>
/// <remarks>
/// Work-item concurrency is not set here: <see cref="TaskHubWorker"/> takes it from the service
/// (<see cref="IOrchestrationService.MaxConcurrentTaskOrchestrationWorkItems"/> and friends), so it is the provider's setting.
/// </remarks>
public class OrchestrationServiceWorkerOptions : DurableTaskWorkerOptions
{
    /// <summary>Gets or sets the factory of the orchestration service the worker runs on (required).</summary>
    [Required(ErrorMessage = "An orchestration service is required: call UseOrchestrationService(...) on the worker builder.")]
    public Func<IServiceProvider, IOrchestrationService>? OrchestrationService { get; set; }

    /// <summary>Gets or sets a value indicating whether the task hub is created on start when it does not exist yet.</summary>
    public bool CreateTaskHubIfNotExists { get; set; } = true;
}

using System.ComponentModel.DataAnnotations;
using DurableTask.Core;
using Microsoft.DurableTask.Client;

namespace DurableClaims.DurableTask.Hosting;

/// <summary>Settings of an <see cref="OrchestrationServiceClient"/>: Microsoft's client options plus the service client to talk to.</summary>
public class OrchestrationServiceClientOptions : DurableTaskClientOptions
{
    /// <summary>Gets or sets the factory of the orchestration service client (required).</summary>
    /// <remarks>The client may also implement <see cref="global::DurableTask.Core.Query.IOrchestrationServiceQueryClient"/> and <see cref="IOrchestrationServicePurgeClient"/>.</remarks>
    [Required(ErrorMessage = "An orchestration service client is required: call UseOrchestrationService(...) on the client builder.")]
    public Func<IServiceProvider, IOrchestrationServiceClient>? OrchestrationServiceClient { get; set; }
}

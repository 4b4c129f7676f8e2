using DurableClaims.DurableTask.Testing.Contract;
using DurableClaims.Testing;
using DurableTask.AzureStorage;
using DurableTask.Core;

namespace DurableClaims.DurableTask.AzureStorage.Tests;

/// <summary>The orchestration-service contract on Microsoft's Azure Storage task hub over Azurite, a fresh hub per test.</summary>
public sealed class AzureStorageContractTests(AzuriteFixture azurite) : OrchestrationServiceContract, IClassFixture<AzuriteFixture>
{
    private readonly string _hubName = "contract" + Guid.NewGuid().ToString("N")[..12];

    protected override int TimerEarlinessSeconds => 1;

    protected override IOrchestrationService CreateService() =>
        new AzureStorageOrchestrationService(AzureStorageDurableTaskExtensions.CreateSettings(new AzureStorageTaskHubOptions
        {
            ConnectionString = azurite.ConnectionString,
            TaskHubName = _hubName,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
            LeaseAcquireInterval = TimeSpan.FromSeconds(1),

            // A worker that is stopping can still take a message it will not process (seen with a timer due during the stop);
            // the message comes back after this timeout, 5 minutes by default, longer than any test waits.
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
            LeaseInterval = TimeSpan.FromSeconds(5),

            // A restart is a new process: a new worker name, as in production.
            WorkerId = "contract-" + Guid.NewGuid().ToString("N")[..8],
        }));
}

using Azure.Core;

namespace DurableClaims.DurableTask.AzureStorage;

/// <summary>Settings of the Azure Storage task hub, named as Durable Functions names them in host.json (<c>storageProvider</c>, <c>hubName</c>).</summary>
public sealed class AzureStorageTaskHubOptions
{
    /// <summary>The configuration section these options bind to (host.json's <c>extensions.durableTask.storageProvider</c>).</summary>
    public const string SectionName = "DurableTask:StorageProvider";

    /// <summary>The setting that names the task hub when <see cref="TaskHubName"/> is not bound (the Functions app's <c>%TASKHUB_NAME%</c>).</summary>
    public const string TaskHubNameSetting = "TASKHUB_NAME";

    /// <summary>The hub name a Functions app of this repository uses unless <c>TASKHUB_NAME</c> says otherwise.</summary>
    public const string DefaultTaskHubName = "DurableClaimsHub";

    /// <summary>The configuration key or section holding the account: a connection string, or identity-based settings (<c>__accountName</c>, <c>__queueServiceUri</c>, ...).</summary>
    public string ConnectionName { get; set; } = "AzureWebJobsStorage";

    /// <summary>The task hub: a prefix of its queues, tables and lease container. Workers on one hub share its work.</summary>
    public string TaskHubName { get; set; } = DefaultTaskHubName;

    /// <summary>Control-queue partitions: the most workers that can run orchestrations at once (1-16; fixed when the hub is created).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest back-off between polls of an empty queue: how long an idle hub takes to notice a new message.</summary>
    /// <remarks>Durable Functions defaults to 30 s (cheap in Azure); half a second keeps a resume on Azurite well under a second.</remarks>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Activities one worker runs at once.</summary>
    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>Orchestration work items one worker processes at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>How long a worker may be silent before its partition leases are taken over by another worker (a killed worker's claims wait this long).</summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a worker renews its leases and looks for partitions to take or balance.</summary>
    public TimeSpan LeaseAcquireInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a control-queue message a worker took stays hidden from the others: after a crash, that worker's orchestration steps run again this much later.</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an activity a worker took stays hidden from the others (the lock is renewed while the activity runs): after a crash it runs again this much later.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>This worker's name in the partition leases; unique per process, so workers on one machine do not mistake each other for themselves.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The account's connection string; filled from <see cref="ConnectionName"/> unless set.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue, table and blob endpoints of an identity-based connection (filled from <see cref="ConnectionName"/>).</summary>
    public AzureStorageEndpoints? Endpoints { get; set; }

    /// <summary>The Entra ID credential of an identity-based connection (filled from <c>__credential</c> / <c>__clientId</c>).</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Returns the first invalid setting, or null.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (Endpoints is null || Credential is null))
        {
            return $"No storage account for the task hub: set {ConnectionName} (a connection string, or UseDevelopmentStorage=true for Azurite) "
                + $"or {ConnectionName}__accountName / __blobServiceUri, __queueServiceUri and __tableServiceUri for a managed identity.";
        }

        if (!IsValidHubName(TaskHubName))
        {
            return $"TaskHubName '{TaskHubName}' is not valid: 3-45 letters and digits, starting with a letter (it prefixes queue and table names).";
        }

        if (PartitionCount is < 1 or > 16)
        {
            return "PartitionCount must be between 1 and 16.";
        }

        if (MaxQueuePollingInterval <= TimeSpan.Zero || LeaseAcquireInterval <= TimeSpan.Zero || LeaseInterval <= LeaseAcquireInterval
            || ControlQueueVisibilityTimeout < TimeSpan.FromSeconds(1) || WorkItemQueueVisibilityTimeout < TimeSpan.FromSeconds(1))
        {
            return "MaxQueuePollingInterval and LeaseAcquireInterval must be positive, LeaseInterval longer than LeaseAcquireInterval, and the visibility timeouts at least a second.";
        }

        return MaxConcurrentActivities < 1 || MaxConcurrentOrchestrations < 1 || string.IsNullOrWhiteSpace(WorkerId)
            ? "MaxConcurrentActivities and MaxConcurrentOrchestrations must be at least 1, and WorkerId must not be empty."
            : null;
    }

    // Azure Storage's rule for task hub names: they become parts of queue names (lower-case letters, digits, dashes) and table names (letters, digits).
    private static bool IsValidHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);
}

/// <summary>The three service endpoints of an identity-based storage connection.</summary>
public sealed record AzureStorageEndpoints(Uri Blob, Uri Queue, Uri Table);

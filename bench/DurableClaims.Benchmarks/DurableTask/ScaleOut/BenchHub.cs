using DurableClaims.DurableTask.AzureStorage;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>The Azure Storage task hub settings every process of one run shares (the client and each worker).</summary>
internal sealed record BenchHub(string ConnectionString, string Name, int PollMilliseconds)
{
    /// <summary>Four partitions, so up to four workers can each own a control queue.</summary>
    public const int Partitions = 4;

    public static readonly TimeSpan LeaseAcquire = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(6);

    public static readonly TimeSpan Visibility = TimeSpan.FromSeconds(15);

    /// <summary>Fills the options of one process: the repository's defaults (concurrency, visibility timeouts) except where a benchmark needs otherwise.</summary>
    public void Apply(AzureStorageTaskHubOptions options, string workerId)
    {
        options.ConnectionString = ConnectionString;
        options.TaskHubName = Name;
        options.PartitionCount = Partitions;
        options.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(PollMilliseconds);

        // Leases move within seconds, so new workers get their share before the clock starts instead of after 10 s rounds.
        options.LeaseAcquireInterval = LeaseAcquire;
        options.LeaseInterval = Lease;
        options.WorkerId = workerId;

        // A message taken by a worker that then lost the partition comes back after this, not after the default 5 minutes.
        options.ControlQueueVisibilityTimeout = Visibility;
        options.WorkItemQueueVisibilityTimeout = Visibility;
    }
}

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>The stacks compared side by side.</summary>
internal enum StackKind
{
    /// <summary>Microsoft's executor (DurableTask.Core via the hosting glue) on the SQLite orchestration service.</summary>
    Sqlite,

    /// <summary>Microsoft's executor on Microsoft's InMemoryOrchestrationService: no durability, the executor's ceiling.</summary>
    Memory,

    /// <summary>Microsoft's executor on Microsoft's Azure Storage task hub over an Azurite the harness starts, with 1, 2 and 3 worker processes.</summary>
    AzureStorage,
}

internal static class StackKinds
{
    public static StackKind Parse(string value) => Enum.Parse<StackKind>(value, ignoreCase: true);

    public static string Name(this StackKind kind) => kind.ToString().ToLowerInvariant();
}

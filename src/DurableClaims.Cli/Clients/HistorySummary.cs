namespace DurableClaims.Cli.Clients;

/// <summary>What an orchestration's history says about where it stands: events received, work still outstanding.</summary>
/// <param name="EventsRaised">External events per name that are in the history (received by the orchestration).</param>
/// <param name="OutstandingTasks">Activities and sub-orchestrations scheduled but not completed or failed yet.</param>
internal sealed record HistorySummary(IReadOnlyDictionary<string, int> EventsRaised, int OutstandingTasks)
{
    /// <summary>The summary of an instance with no history (unknown or purged).</summary>
    public static HistorySummary Empty { get; } = new(new Dictionary<string, int>(), 0);

    /// <summary>Gets how many events named <paramref name="name"/> the history holds.</summary>
    public int Raised(string name) => EventsRaised.TryGetValue(name, out var count) ? count : 0;

    /// <summary>Summarizes history events given as (type, name, task id) in Durable Task terms.</summary>
    public static HistorySummary From(IEnumerable<(string Type, string? Name, int TaskId)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var raised = new Dictionary<string, int>(StringComparer.Ordinal);
        var outstanding = new HashSet<int>();
        foreach (var (type, name, taskId) in events)
        {
            switch (type)
            {
                case "EventRaised" when name is not null:
                    raised[name] = raised.GetValueOrDefault(name) + 1;
                    break;
                case "TaskScheduled" or "SubOrchestrationInstanceCreated":
                    outstanding.Add(taskId);
                    break;
                case "TaskCompleted" or "TaskFailed" or "SubOrchestrationInstanceCompleted" or "SubOrchestrationInstanceFailed":
                    outstanding.Remove(taskId);
                    break;
            }
        }

        return new HistorySummary(raised, outstanding.Count);
    }
}

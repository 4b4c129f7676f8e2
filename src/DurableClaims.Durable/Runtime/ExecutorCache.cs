using DurableClaims.Durable.Core;

namespace DurableClaims.Durable.Runtime;

/// <summary>LRU cache of live executors (extended sessions): a cached instance's step processes only new events.</summary>
internal sealed class ExecutorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Id, OrchestrationExecutor Executor)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, OrchestrationExecutor Executor)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Removes and returns the executor of the given execution, or null when not cached.</summary>
    public OrchestrationExecutor? Take(string instanceId, string executionId)
    {
        lock (_lock)
        {
            if (!_map.Remove(instanceId, out var node))
            {
                return null;
            }

            _order.Remove(node);
            return node.Value.Executor.ExecutionId == executionId ? node.Value.Executor : null;
        }
    }

    /// <summary>Caches an executor as most recently used, evicting the least recently used beyond capacity.</summary>
    public void Put(string instanceId, OrchestrationExecutor executor)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (_map.Remove(instanceId, out var existing))
            {
                _order.Remove(existing);
            }

            _map[instanceId] = _order.AddFirst((instanceId, executor));
            while (_map.Count > capacity && _order.Last is { } last)
            {
                _order.RemoveLast();
                _map.Remove(last.Value.Id);
            }
        }
    }

    public void Remove(string instanceId)
    {
        lock (_lock)
        {
            if (_map.Remove(instanceId, out var node))
            {
                _order.Remove(node);
            }
        }
    }
}

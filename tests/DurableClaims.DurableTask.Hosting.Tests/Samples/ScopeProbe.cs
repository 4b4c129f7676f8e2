using System.Collections.Concurrent;

namespace DurableClaims.DurableTask.Hosting.Tests.Samples;

/// <summary>A scoped service that records, in the singleton <see cref="ScopeLog"/>, who used it and whether its scope ended.</summary>
public sealed class ScopeProbe(ScopeLog log) : IDisposable
{
    public Guid Id { get; } = Guid.NewGuid();

    public bool IsDisposed { get; private set; }

    public void Use(string instanceId) => log.Record(instanceId, this);

    public void Dispose() => IsDisposed = true;
}

/// <summary>The probes each instance's activities received.</summary>
public sealed class ScopeLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScopeProbe>> _probes = new();

    public IReadOnlyCollection<ScopeProbe> For(string instanceId) =>
        _probes.TryGetValue(instanceId, out var probes) ? probes.ToArray() : [];

    public void Record(string instanceId, ScopeProbe probe) => _probes.GetOrAdd(instanceId, _ => new()).Enqueue(probe);
}

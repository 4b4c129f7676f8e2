using System.Reflection;
using DurableClaims.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Wraps the host's document store so that, while <see cref="Blocked"/>, a save hangs inside the store (reading its content) until released or cancelled.</summary>
/// <remarks>
/// The content stream is what blocks, so the save is already inside the real store, with its temporary file open,
/// as when a disk or share stops answering; the stuck-write watch and the stopping token see it as they would.
/// </remarks>
public class BlockingDocumentStore : DispatchProxy
{
    private IDocumentStore _inner = null!;
    private TaskCompletionSource _gate = NewGate();
    private TaskCompletionSource _entered = NewGate();

    /// <summary>Gets whether saves block.</summary>
    public bool Blocked { get; private set; }

    /// <summary>Gets a task that completes when a blocked save has started writing.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Replaces the registered <see cref="IDocumentStore"/> by a wrapper around it; returns the switch.</summary>
    public static BlockingDocumentStore Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDocumentStore));
        services.Remove(original);
        var proxy = Create<IDocumentStore, BlockingDocumentStore>();
        var control = (BlockingDocumentStore)(object)proxy;
        services.AddSingleton(sp =>
        {
            control._inner = original.ImplementationInstance as IDocumentStore
                ?? (IDocumentStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            return proxy;
        });
        return control;
    }

    /// <summary>Gets whether a blocked save gives up when its token is cancelled (false: it hangs like a read in the kernel).</summary>
    public bool HonoursCancellation { get; private set; } = true;

    /// <summary>Makes the next saves block; with <paramref name="honourCancellation"/> false they ignore their token too.</summary>
    public void Block(bool honourCancellation = true)
    {
        (_gate, _entered) = (NewGate(), NewGate());
        HonoursCancellation = honourCancellation;
        Blocked = true;
    }

    /// <summary>Lets blocked saves go on.</summary>
    public void Release()
    {
        Blocked = false;
        _gate.TrySetResult();
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        ArgumentNullException.ThrowIfNull(args);
        if (Blocked && targetMethod.Name == nameof(IDocumentStore.SaveAsync))
        {
            args[3] = new GatedStream((Stream)args[3]!, _gate.Task, _entered, HonoursCancellation);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }

    private static TaskCompletionSource NewGate() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A read-only stream whose reads wait for the gate (honouring the read's cancellation token when told to).</summary>
    private sealed class GatedStream(Stream inner, Task gate, TaskCompletionSource entered, bool honourCancellation) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            entered.TrySetResult();
            await (honourCancellation ? gate.WaitAsync(cancellationToken) : gate);
            return await inner.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

using System.Reflection;
using DurableClaims.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Wraps the host's document store so that writes fail as on a full disk while <see cref="Full"/> is set.</summary>
/// <remarks>A proxy rather than a class implementing the interface: only the write methods change, whatever else the store offers.</remarks>
public class FailingDocumentStore : DispatchProxy
{
    private IDocumentStore _inner = null!;

    /// <summary>Gets or sets whether writes fail with ENOSPC.</summary>
    public bool Full { get; set; }

    /// <summary>Gets or sets whether reads fail as on a damaged store.</summary>
    public bool Corrupt { get; set; }

    /// <summary>Replaces the registered <see cref="IDocumentStore"/> by a wrapper around it; returns the switch.</summary>
    public static FailingDocumentStore Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IDocumentStore));
        services.Remove(original);
        var proxy = Create<IDocumentStore, FailingDocumentStore>();
        var control = (FailingDocumentStore)(object)proxy;
        services.AddSingleton(sp =>
        {
            control._inner = original.ImplementationInstance as IDocumentStore
                ?? (IDocumentStore)(original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            return proxy;
        });
        return control;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Full && targetMethod.Name == nameof(IDocumentStore.SaveAsync))
        {
            // What .NET throws on Linux for ENOSPC: an IOException carrying errno 28.
            return Task.FromException<StoredDocument>(new IOException("No space left on device : '/data/claim-documents/x.tmp'", 28));
        }

        if (Corrupt && targetMethod.Name is nameof(IDocumentStore.GetAsync) or nameof(IDocumentStore.ListAsync))
        {
            throw new StorageCorruptException("/data/claim-documents/x/receipts/r.pdf", "The document's properties are truncated.", null);
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
}

using DurableClaims.Api.Intake;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Storage;

/// <summary>Registers <see cref="StorageWriteWatch"/> and wraps the registered claim stores so that their writes are counted.</summary>
public static class StorageWatchServiceCollectionExtensions
{
    /// <summary>Adds the watch (<c>Claims:Storage:StuckWriteAfter</c>, validated at start) around the registered session, document and receipt stores.</summary>
    /// <remarks>
    /// Call after the stores are registered (<c>AddDurableClaims</c>, <c>AddClaimsApi</c>); a second call changes nothing.
    /// A document store that is not a <see cref="DocumentStore"/> (a test double) is left as it is.
    /// </remarks>
    public static IServiceCollection AddStorageWriteWatch(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(StorageWriteWatch)))
        {
            return services;
        }

        services.AddOptions<StorageWatchOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageWatchOptions>, StorageWatchOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StorageWriteWatch>();
        Decorate<ISessionStore>(services, (sp, inner) => new WatchedSessionStore(inner, sp.GetRequiredService<StorageWriteWatch>()));
        Decorate<IDocumentStore>(services, (sp, inner) => inner is DocumentStore store ? new WatchedDocumentStore(store, sp.GetRequiredService<StorageWriteWatch>()) : inner);
        Decorate<IIntakeReceiptStore>(services, (sp, inner) => new WatchedReceiptStore(inner, sp.GetRequiredService<StorageWriteWatch>()));
        return services;
    }

    /// <summary>Replaces the last singleton registration of <typeparamref name="T"/> by a wrapper around what it would have created.</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap)
        where T : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(T) && !d.IsKeyedService);
        if (original is null)
        {
            return;
        }

        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => wrap(sp, Create<T>(sp, original)), original.Lifetime));
    }

    private static T Create<T>(IServiceProvider services, ServiceDescriptor original)
        => (T)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!));
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace DurableClaims.Configuration;

/// <summary>The Entra ID token credentials named by the "Credential" and "ClientId" settings of storage and model.</summary>
public static class AzureCredentials
{
    /// <summary>The app's managed identity (the value the Functions host uses in <c>AzureWebJobsStorage__credential</c>).</summary>
    public const string ManagedIdentity = "managedidentity";

    /// <summary>The Azure SDK's default chain (environment, workload identity, managed identity, developer sign-ins).</summary>
    public const string Default = "default";

    // Credentials hold their token caches: sessions, documents and the model share one per identity
    // instead of each asking Entra ID for its own tokens.
    private static readonly ConcurrentDictionary<(string Kind, string ClientId), TokenCredential> Cache = new();

    /// <summary>Returns whether <paramref name="credential"/> is empty, <c>managedidentity</c> or <c>default</c>.</summary>
    public static bool IsKnown(string? credential)
        => string.IsNullOrWhiteSpace(credential) || Is(credential, ManagedIdentity) || Is(credential, Default);

    /// <summary>Returns whether <paramref name="clientId"/> is empty or a GUID (the form of a managed identity's client id).</summary>
    public static bool IsValidClientId(string? clientId)
        => string.IsNullOrWhiteSpace(clientId) || Guid.TryParse(clientId, out _);

    /// <summary>
    /// Returns the shared credential: <c>managedidentity</c> is a <see cref="ManagedIdentityCredential"/> (user-assigned
    /// when <paramref name="clientId"/> is given, else system-assigned); empty or <c>default</c> is a
    /// <see cref="DefaultAzureCredential"/> whose managed-identity step uses <paramref name="clientId"/>.
    /// </summary>
    public static TokenCredential Get(string? credential, string? clientId)
    {
        if (!IsKnown(credential))
        {
            throw new ArgumentException($"Unknown credential '{credential}': use '{ManagedIdentity}', '{Default}' or nothing.", nameof(credential));
        }

        var kind = Is(credential, ManagedIdentity) ? ManagedIdentity : Default;
        var id = string.IsNullOrWhiteSpace(clientId) ? string.Empty : clientId.Trim();
        return Cache.GetOrAdd((kind, id), static key => Create(key.Kind, key.ClientId));
    }

    private static TokenCredential Create(string kind, string clientId)
    {
        if (kind == ManagedIdentity)
        {
            return new ManagedIdentityCredential(clientId.Length == 0 ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId.Length == 0 ? null : clientId });
    }

    private static bool Is(string? value, string expected) => string.Equals(value?.Trim(), expected, StringComparison.OrdinalIgnoreCase);
}

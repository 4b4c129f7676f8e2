using System.Collections.Concurrent;
using Azure.Core;

namespace DurableClaims.Tests;

/// <summary>A token credential that returns one fixed token and records the scopes it was asked for (the Entra ID boundary, which is not reachable here).</summary>
public sealed class FixedTokenCredential : TokenCredential
{
    public const string Token = "fixed-test-token";

    /// <summary>Gets the scopes of each token request, in order.</summary>
    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Enqueue(requestContext.Scopes);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

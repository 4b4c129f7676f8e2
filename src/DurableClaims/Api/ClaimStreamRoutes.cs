namespace DurableClaims.Api;

/// <summary>The live-update routes (server-sent events) of the local host; the Functions app has none, its clients poll.</summary>
/// <remarks>
/// Relative to <see cref="ApiRoutes.ApiPrefix"/> like every app route. The list's literal <c>stream</c> segment outranks
/// <see cref="ApiRoutes.Claim"/>'s <c>{claimId}</c>, so a claim named "stream" is read through the list instead.
/// </remarks>
public static class ClaimStreamRoutes
{
    /// <summary>The claims list's stream: an event whenever the list changes.</summary>
    public const string ClaimsStream = "claims/stream";

    /// <summary>One claim's stream: its status and timeline as they change.</summary>
    public const string ClaimStream = "claims/{claimId}/stream";

    public const string ClaimsStreamName = "StreamClaims";
    public const string ClaimStreamName = "StreamClaim";
}

namespace DurableClaims.Api.Adjusters;

/// <summary>The person a host authenticated for an adjuster's action (bearer token, App Service authentication); recorded instead of the body's name.</summary>
/// <param name="Name">The name recorded: the token's <c>name</c>, else <c>preferred_username</c>, else <c>oid</c>.</param>
/// <param name="Method">How the host authenticated the user (for example <c>Bearer</c> or <c>aad</c>), for the log.</param>
public sealed record AuthenticatedUser(string Name, string Method);

using System.Security.Claims;
using DurableClaims.Api.Adjusters;

namespace DurableClaims.Http;

/// <summary>Reads who a request's principal is, whichever host authenticated it (the local host's bearer tokens, the Functions app's App Service authentication).</summary>
public static class AuthenticatedUsers
{
    /// <summary>The object id claim as Entra ID writes it in a token (<c>oid</c>) and as App Service authentication passes it on.</summary>
    public const string ObjectIdClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    // The order the brief of issue 15 asks for: the display name, the sign-in name, then the immutable object id.
    private static readonly string[] NameClaimTypes = ["name", "preferred_username", ClaimTypes.Name, "oid", ObjectIdClaimType];

    /// <summary>Returns the authenticated user of <paramref name="principal"/>, or null when it is not authenticated or names nobody.</summary>
    public static AuthenticatedUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var name = NameClaimTypes
            .Select(type => principal.FindFirst(type)?.Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))
            ?? identity.Name;
        return string.IsNullOrWhiteSpace(name) ? null : new AuthenticatedUser(name.Trim(), identity.AuthenticationType ?? "unknown");
    }
}

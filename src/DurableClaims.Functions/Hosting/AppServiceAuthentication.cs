using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Hosting;

/// <summary>Whether App Service authentication ("Easy Auth") signs users in before the Functions app (<c>Claims:Auth:AppService</c>).</summary>
public sealed class AppServiceAuthOptions
{
    /// <summary>The configuration section name (app setting <c>Claims__Auth__AppService__Enabled</c>).</summary>
    public const string SectionName = "Claims:Auth:AppService";

    /// <summary>Gets or sets whether the platform's <c>X-MS-CLIENT-PRINCIPAL</c> header is trusted; off by default.</summary>
    /// <remarks>Only App Service authentication removes that header from incoming requests; without it anyone can send one.</remarks>
    public bool Enabled { get; set; }
}

/// <summary>Makes the user App Service authentication signed in (the <c>X-MS-CLIENT-PRINCIPAL</c> header) the request's user, when <see cref="AppServiceAuthOptions.Enabled"/>.</summary>
/// <remarks>
/// The header is base64 JSON: <c>{ "auth_typ", "name_typ", "role_typ", "claims": [ { "typ", "val" } ] }</c>. With the setting off
/// the header is ignored, whatever it says: the adjuster actions then record the body's name, as with a function key alone.
/// </remarks>
public sealed partial class AppServiceAuthentication(IOptions<AppServiceAuthOptions> options, ILogger<AppServiceAuthentication> logger)
{
    /// <summary>The header App Service authentication adds to every signed-in request.</summary>
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    private static readonly JsonSerializerOptions PrincipalJson = new(JsonSerializerDefaults.Web);

    /// <summary>Gets an instance that trusts no header (App Service authentication off).</summary>
    public static AppServiceAuthentication Disabled { get; } =
        new(Options.Create(new AppServiceAuthOptions()), NullLogger<AppServiceAuthentication>.Instance);

    /// <summary>Sets <paramref name="request"/>'s user from the header when trusted; returns a 401 problem when a trusted header cannot be read, else null.</summary>
    public IResult? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!options.Value.Enabled || request.Headers[PrincipalHeader].FirstOrDefault() is not { Length: > 0 } header)
        {
            return null;
        }

        var principal = Parse(header);
        if (principal is not null && AuthenticatedUsers.From(principal) is not null)
        {
            request.HttpContext.User = principal;
            return null;
        }

        Log.PrincipalRefused(logger, request.Path);
        var details = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            Title = "Unauthorized",
            Detail = $"The {PrincipalHeader} header could not be read as a signed-in user.",
        };
        ApiResultHttp.AddRequestMembers(details, request.Path, request.HttpContext.TraceIdentifier);
        return TypedResults.Problem(details);
    }

    /// <summary>Reads the header's principal, or null when it is not base64 JSON of that shape.</summary>
    public static ClaimsPrincipal? Parse(string header)
    {
        ClientPrincipal? client;
        try
        {
            client = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)), PrincipalJson);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }

        if (client?.Claims is not { Count: > 0 } claims || string.IsNullOrWhiteSpace(client.AuthType))
        {
            return null;
        }

        var identity = new ClaimsIdentity(
            claims.Where(c => !string.IsNullOrEmpty(c.Type) && c.Value is not null).Select(c => new Claim(c.Type!, c.Value!)),
            client.AuthType,
            string.IsNullOrWhiteSpace(client.NameType) ? ClaimsIdentity.DefaultNameClaimType : client.NameType,
            string.IsNullOrWhiteSpace(client.RoleType) ? ClaimsIdentity.DefaultRoleClaimType : client.RoleType);
        return new ClaimsPrincipal(identity);
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims);

    private sealed record ClientClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4401, Level = LogLevel.Warning, Message = "The X-MS-CLIENT-PRINCIPAL header of {Path} names no user; answered 401")]
        public static partial void PrincipalRefused(ILogger logger, string path);
    }
}

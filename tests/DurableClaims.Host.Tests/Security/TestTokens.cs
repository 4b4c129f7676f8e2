using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DurableClaims.Host.Tests.Security;

/// <summary>A token issuer for tests: an HMAC key made per run, and the host's JwtBearer options given its metadata directly (no network).</summary>
public sealed class TestTokens
{
    public const string Authority = "https://login.example.test/tenant-1/v2.0";
    public const string Audience = "api://durableclaims-tests";

    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "test-key" };

    /// <summary>The host settings that turn bearer tokens on.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Claims:Auth:Jwt:Authority"] = Authority,
        ["Claims:Auth:Jwt:Audience"] = Audience,
    };

    /// <summary>Test host options with bearer tokens on, trusting this issuer's key, and a function key for machine callers.</summary>
    public TestHostOptions HostOptions(string key) => new()
    {
        Keys = [key],
        Settings = Settings,

        // What the authority's metadata would say, given up front: the ConfigurationManager is then static.
        ConfigureServices = services => services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration { Issuer = Authority };
            o.Configuration.SigningKeys.Add(_key);
        }),
    };

    /// <summary>A token for <paramref name="name"/>, valid from a minute ago for <paramref name="lifetime"/> (negative: already expired).</summary>
    public string Create(string name, TimeSpan? lifetime = null, SecurityKey? signingKey = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(10));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim("name", name), new Claim("oid", Guid.NewGuid().ToString())]),
            NotBefore = expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1),
            IssuedAt = expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (and no key).</summary>
    public static HttpClient Client(KestrelClaimsHost host, string token)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

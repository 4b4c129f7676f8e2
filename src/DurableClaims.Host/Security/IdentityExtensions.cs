using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DurableClaims.Host.Security;

/// <summary>Registers bearer-token authentication of the people who act, next to the function keys of machine callers.</summary>
public static class IdentityExtensions
{
    /// <summary>Binds <see cref="JwtAuthOptions"/> (validated at start) and the JwtBearer handler that <see cref="BearerTokenMiddleware"/> runs.</summary>
    public static WebApplicationBuilder AddDurableClaimsIdentity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<JwtAuthOptions>().Bind(builder.Configuration.GetSection(JwtAuthOptions.SectionName)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtAuthOptions>, JwtAuthOptionsValidator>());

        // No default scheme: the middleware authenticates explicitly, only requests that carry a bearer token.
        builder.Services.AddAuthentication().AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtAuthOptions>>((bearer, jwt) => Apply(bearer, jwt.Value));
        return builder;
    }

    private static void Apply(JwtBearerOptions bearer, JwtAuthOptions jwt)
    {
        if (!jwt.Enabled)
        {
            return;
        }

        bearer.Authority = jwt.Authority;
        bearer.Audience = jwt.Audience;
        bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;

        // Keep the token's own claim names (name, preferred_username, oid) instead of the WS-* URIs they would be mapped to.
        bearer.MapInboundClaims = false;
        bearer.TokenValidationParameters.NameClaimType = "name";
        if (jwt.ValidIssuers.Count > 0)
        {
            bearer.TokenValidationParameters.ValidIssuers = [.. jwt.ValidIssuers];
        }
    }
}

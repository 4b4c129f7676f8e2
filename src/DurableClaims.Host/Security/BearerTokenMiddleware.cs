using DurableClaims.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DurableClaims.Host.Security;

/// <summary>Authenticates a bearer token on a protected route: a valid one makes the request its user's (no key needed), any other answers 401.</summary>
/// <remarks>
/// A token that fails (expired, wrongly signed, for another audience, naming nobody) never falls back to the key or
/// to anonymous: the caller meant to act as someone, and recording the body's name instead would hide the failure.
/// Requests without a bearer token go on to the key check unchanged.
/// </remarks>
public sealed partial class BearerTokenMiddleware(
    RequestDelegate next, IOptions<JwtAuthOptions> options, IProblemDetailsService problems, ILogger<BearerTokenMiddleware> logger)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? authorization = context.Request.Headers.Authorization;
        if (!options.Value.Enabled || !FunctionKeyMiddleware.IsProtected(context.Request.Path)
            || authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (result.Succeeded && AuthenticatedUsers.From(result.Principal) is not null)
        {
            context.User = result.Principal!;
            await next(context);
            return;
        }

        var reason = result.Failure?.GetType().Name ?? "the token names no user (name, preferred_username or oid)";
        Log.TokenRefused(logger, context.Request.Method, context.Request.Path, reason);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer error=\"invalid_token\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
                Title = "Unauthorized",
                Detail = "The bearer token is not valid (expired, not signed by the configured issuer, for another audience, or naming no user). Send a valid token, or a function key without a token.",
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Bearer token refused on {Method} {Path}: {Reason}; answered 401")]
        public static partial void TokenRefused(ILogger logger, string method, string path, string reason);
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using DurableClaims.Api;
using DurableClaims.Host.Extensions;
using DurableClaims.Http;

namespace DurableClaims.Host.Security;

/// <summary>Function-key check as in Azure Functions: <c>x-functions-key</c> header or <c>?code=</c>; without configured keys, loopback callers only.</summary>
/// <remarks>A request that <see cref="BearerTokenMiddleware"/> authenticated needs no key: the token stands for a person instead of a machine.</remarks>
public sealed class FunctionKeyMiddleware(RequestDelegate next, HostSettings settings, IProblemDetailsService problems)
{
    private readonly byte[][] _keys = settings.Keys.Select(Encoding.UTF8.GetBytes).ToArray();

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsProtected(context.Request.Path))
        {
            await next(context);
            return;
        }

        if (!settings.KeysRequired)
        {
            // Defence in depth: the host binds loopback only, but endpoints configured elsewhere
            // (Kestrel:Endpoints) could still expose it; an unkeyed host answers loopback callers only.
            if (context.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                await RejectAsync(context, StatusCodes.Status403Forbidden, "No API key is configured, so this host only answers loopback callers.");
                return;
            }

            await next(context);
            return;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await next(context);
            return;
        }

        var supplied = context.Request.Headers[FunctionKeys.Header].FirstOrDefault()
            ?? context.Request.Query[FunctionKeys.Query].FirstOrDefault();
        if (string.IsNullOrEmpty(supplied) || !Matches(supplied))
        {
            await RejectAsync(context, StatusCodes.Status401Unauthorized,
                $"A valid function key is required in the '{FunctionKeys.Header}' header or the '{FunctionKeys.Query}' query parameter.");
            return;
        }

        await next(context);
    }

    /// <summary>Every API, management, OpenAPI and UI path needs a key except health; the dashboard's static shell holds no data.</summary>
    internal static bool IsProtected(PathString path)
    {
        if (path.StartsWithSegments("/" + ApiRoutes.ApiPrefix + "/" + ApiRoutes.Health, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.StartsWithSegments("/" + ApiRoutes.ApiPrefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/runtime", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/scalar", StringComparison.OrdinalIgnoreCase);
    }

    private bool Matches(string supplied)
    {
        var bytes = Encoding.UTF8.GetBytes(supplied);
        var match = false;
        foreach (var key in _keys)
        {
            // Constant-time per key so that response timing does not reveal key prefixes.
            match |= CryptographicOperations.FixedTimeEquals(bytes, key);
        }

        return match;
    }

    private async Task RejectAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = status == 401 ? "Unauthorized" : "Forbidden", Detail = detail },
        };

        // A client that accepts no JSON (EventSource sends Accept: text/event-stream) still gets the problem, not a 500.
        if (!await problems.TryWriteAsync(problem))
        {
            await context.Response.WriteAsJsonAsync(problem.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}

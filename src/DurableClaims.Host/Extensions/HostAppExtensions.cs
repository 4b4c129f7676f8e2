using DurableClaims.Api;
using DurableClaims.Host.Apis;
using DurableClaims.Http;
using DurableClaims.Host.Http;
using DurableClaims.Host.Security;
using Scalar.AspNetCore;

namespace DurableClaims.Host.Extensions;

/// <summary>The request pipeline and route map of the local host.</summary>
public static class HostAppExtensions
{
    /// <summary>Adds middleware (problem details, bearer tokens, keys, static files) and maps every route group.</summary>
    public static WebApplication MapDurableClaimsHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Malformed bodies and oversized requests surface as BadHttpRequestException: keep their 400/413.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<StorageFaultMiddleware>();
        app.UseMiddleware<BearerTokenMiddleware>();
        app.UseMiddleware<FunctionKeyMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapOpenApi();
        app.MapScalarApiReference();

        var api = app.MapGroup("/" + ApiRoutes.ApiPrefix);
        api.MapHealthApi();
        api.MapClaimsApi();
        api.MapEventsApi();
        api.MapStatsApi();
        api.MapAssistantApi();
        app.MapDurableManagementApi();

        // Unknown API routes answer 404 problem details rather than the dashboard page.
        app.Map("/" + ApiRoutes.ApiPrefix + "/{**rest}", NotFound).ExcludeFromDescription();
        app.Map("/runtime/{**rest}", NotFound).ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }

    private static IResult NotFound(HttpContext context)
        => ApiResultHttp.Problem(ApiResultKind.NotFound, new ApiProblem("Not found", $"No route matches {context.Request.Method} {context.Request.Path}."));
}

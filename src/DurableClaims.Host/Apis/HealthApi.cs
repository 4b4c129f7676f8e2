using DurableClaims.Api;

namespace DurableClaims.Host.Apis;

/// <summary><c>GET /api/health</c>: anonymous liveness probe.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Health, () => TypedResults.Ok(new HealthReport("Healthy", typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0")))
            .WithName(ApiFunctionNames.Health).WithTags("Health");
        return api;
    }
}

using DurableClaims.Api;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary><c>GET /api/health</c>: anonymous probe; Unhealthy (503) after a full disk until a write succeeds again.</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapHealthApi(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Health, (StorageHealth health) => StorageHealth.Report(health, typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "0.0.0"))
            .WithName(ApiFunctionNames.Health).WithTags("Health")
            .Produces<HealthReport>().Produces<HealthDetail>(StatusCodes.Status503ServiceUnavailable);
        return api;
    }
}

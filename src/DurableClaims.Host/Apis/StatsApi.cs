using DurableClaims.Api;
using DurableClaims.Http;

namespace DurableClaims.Host.Apis;

/// <summary><c>GET /api/stats</c>: claim statistics.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapStatsApi(this RouteGroupBuilder api)
    {
        api.MapGet(ApiRoutes.Stats, async (ClaimsApiService service, CancellationToken ct) => (await service.GetStatsAsync(ct)).ToHttp())
            .WithName(ApiFunctionNames.GetStats).WithTags("Claims");
        return api;
    }
}

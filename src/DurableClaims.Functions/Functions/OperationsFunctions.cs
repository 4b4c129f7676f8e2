using DurableClaims.Api;
using DurableClaims.Functions.Durable;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Functions;

/// <summary>Operational routes: statistics, and health (anonymous, as on the local host).</summary>
public sealed class OperationsFunctions(ClaimsApiFactory factory, StorageHealth storageHealth)
{
    /// <summary>GET /api/stats: totals by status, success rate, average rounds, average time paused.</summary>
    [Function(ApiFunctionNames.GetStats)]
    public async Task<IResult> GetStatsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Stats)] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
        => (await factory.Api(client).GetStatsAsync(cancellationToken)).ToHttp();

    /// <summary>GET /api/health: probe, no key required; Unhealthy (503) after a full disk until a write succeeds again.</summary>
    [Function(ApiFunctionNames.Health)]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest req)
        => StorageHealth.Report(storageHealth, typeof(OperationsFunctions).Assembly.GetName().Version?.ToString() ?? "0.0.0");
}

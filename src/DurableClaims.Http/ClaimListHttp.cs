using DurableClaims.Api;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>GET /api/claims</c> and <c>GET /api/claim-views</c> for both hosts: one reading of the query, one set of response headers.</summary>
public static class ClaimListHttp
{
    /// <summary>The response header with the number of claims matching the query over all pages.</summary>
    public const string TotalCountHeader = "x-total-count";

    /// <summary>Reads the list parameters of <paramref name="request"/> (query string, continuation token header).</summary>
    public static ClaimListRequest Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? Query(string name) => request.Query[name].FirstOrDefault();
        return new ClaimListRequest(
            Query("status"), Query("createdFrom"), Query("createdTo"), Query("top"),
            request.Headers[ApiRoutes.ContinuationTokenHeader].FirstOrDefault(),
            Query("claimIdPrefix"), Query("claimType"), Query("claimant"), Query("sort"), Query("view"));
    }

    /// <summary>Lists one page: 200 with the claims array, <c>x-ms-continuation-token</c> when there are more and <c>x-total-count</c>; 400 problem details for bad values.</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, ClaimsApiService service, ApiCallContext? call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        var result = await service.ListClaimsAsync(Read(request), call ?? ApiResultHttp.CallContext(request), cancellationToken);
        if (!result.IsSuccess)
        {
            return result.ToHttp();
        }

        var headers = request.HttpContext.Response.Headers;
        if (result.Value!.ContinuationToken is { } token)
        {
            headers[ApiRoutes.ContinuationTokenHeader] = token;
        }

        if (result.Value.TotalCount is { } total)
        {
            headers[TotalCountHeader] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Ok(result.Value.Claims);
    }

    /// <summary>The saved views with their counts.</summary>
    public static async Task<IResult> CountViewsAsync(HttpRequest request, ClaimsApiService service, ApiCallContext? call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        return (await service.CountViewsAsync(call ?? ApiResultHttp.CallContext(request), cancellationToken)).ToHttp();
    }
}

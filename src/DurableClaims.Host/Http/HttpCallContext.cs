using DurableClaims.Api;

namespace DurableClaims.Host.Http;

/// <summary>Builds the host-neutral <see cref="ApiCallContext"/> from a request.</summary>
public static class HttpCallContext
{
    /// <summary>Base URL of the request and the key it carried (so that returned management URLs work as they are).</summary>
    public static ApiCallContext From(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Headers[ApiRoutes.FunctionKeyHeader].FirstOrDefault() ?? request.Query[ApiRoutes.FunctionKeyQuery].FirstOrDefault();
        return new ApiCallContext($"{request.Scheme}://{request.Host}{request.PathBase}", string.IsNullOrEmpty(code) ? null : code);
    }
}

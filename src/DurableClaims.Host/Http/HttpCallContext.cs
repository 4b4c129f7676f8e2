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

    /// <summary>Reads the body as text up to <paramref name="limit"/> bytes; null when it is larger.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

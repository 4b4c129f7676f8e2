using DurableClaims.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Http;

/// <summary>Turns host-neutral <see cref="ApiResult{T}"/> values into HTTP results: 200/202 with the value, or RFC 7807 problem details.</summary>
public static class ApiResultHttp
{
    /// <summary>Writes the value with 200/202 (and Location), or the problem.</summary>
    public static IResult ToHttp<T>(this ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess)
        {
            return Problem(result.Kind, result.Problem!);
        }

        return result.Kind == ApiResultKind.Accepted
            ? TypedResults.Accepted(result.Location, result.Value)
            : TypedResults.Ok(result.Value);
    }

    /// <summary>A host-neutral problem as problem details with the matching status code, plus the request's <c>instance</c> and <c>traceId</c>.</summary>
    public static IResult Problem(ApiResultKind kind, ApiProblem problem) => new ProblemResult(ProblemDetails(kind, problem));

    /// <summary>Builds the problem details object (validation problems carry "errors").</summary>
    public static ProblemDetails ProblemDetails(ApiResultKind kind, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var details = problem.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Status = ApiResultStatusCodes.For(kind);
        details.Type = ApiResultStatusCodes.TypeFor(kind);
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        foreach (var (key, value) in problem.Extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return details;
    }

    /// <summary>Adds the request's path as <c>instance</c> and its trace identifier as <c>traceId</c>, unless already set.</summary>
    public static void AddRequestMembers(ProblemDetails details, string path, string traceId)
    {
        ArgumentNullException.ThrowIfNull(details);
        details.Instance ??= path;
        details.Extensions.TryAdd("traceId", traceId);
    }

    /// <summary>The host's public base URL (<see cref="PublicBaseUrl"/>, never the raw Host header) and the key the request carried (so that returned management URLs work as they are).</summary>
    public static ApiCallContext CallContext(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var code = request.Headers[FunctionKeys.Header].FirstOrDefault() ?? request.Query[FunctionKeys.Query].FirstOrDefault();
        return new ApiCallContext(BaseUrl(request), string.IsNullOrEmpty(code) ? null : code);
    }

    /// <summary>The base URL for absolute links in the response to <paramref name="request"/>: the host's registered <see cref="PublicBaseUrl"/>, else the rule with nothing configured (the listening address).</summary>
    public static string BaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rule = request.HttpContext.RequestServices?.GetService<PublicBaseUrl>() ?? Unconfigured;
        return rule.For(request);
    }

    private static readonly PublicBaseUrl Unconfigured = new(null);

    /// <summary>The wait a 503 answer asks for: what is unavailable (another intake raising an upload) is a matter of seconds.</summary>
    private const string RetryAfterSeconds = "5";

    /// <summary>Writes problem details once the request is known, so that a host without a problem-details service adds the same members.</summary>
    private sealed class ProblemResult(ProblemDetails details) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            AddRequestMembers(details, httpContext.Request.Path, httpContext.TraceIdentifier);
            if (details.Status == StatusCodes.Status503ServiceUnavailable)
            {
                httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            }

            return TypedResults.Problem(details).ExecuteAsync(httpContext);
        }
    }
}

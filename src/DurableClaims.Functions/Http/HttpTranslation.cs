using DurableClaims.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace DurableClaims.Functions.Http;

/// <summary>HTTP in and out for the triggers, as the local host translates it (src/DurableClaims.Host/Http).</summary>
internal static class HttpTranslation
{
    /// <summary>Base URL and the function key the caller used (so returned links work as they are).</summary>
    public static ApiCallContext CallContext(HttpRequest request)
    {
        var code = request.Headers[ApiRoutes.FunctionKeyHeader].FirstOrDefault() ?? request.Query[ApiRoutes.FunctionKeyQuery].FirstOrDefault();
        return new ApiCallContext($"{request.Scheme}://{request.Host}{request.PathBase}", string.IsNullOrEmpty(code) ? null : code);
    }

    /// <summary>200 with the value, 202 with Location and the value, or RFC 7807 problem details.</summary>
    public static IResult ToHttp<T>(this ApiResult<T> result)
    {
        if (!result.IsSuccess)
        {
            return Problem(result.Kind, result.Problem!);
        }

        return result.Kind == ApiResultKind.Accepted
            ? TypedResults.Accepted(result.Location, result.Value)
            : TypedResults.Ok(result.Value);
    }

    /// <summary>A host-neutral problem as problem details with the shared status code, plus <c>instance</c> and <c>traceId</c> as the local host writes them.</summary>
    public static IResult Problem(ApiResultKind kind, ApiProblem problem) => new ProblemResult(ProblemDetails(kind, problem));

    /// <summary>Adds the request's path as <c>instance</c> and its trace identifier as <c>traceId</c> (what the local host's problem details customization adds).</summary>
    public static void AddRequestMembers(ProblemDetails details, string path, string traceId)
    {
        ArgumentNullException.ThrowIfNull(details);
        details.Instance ??= path;
        details.Extensions.TryAdd("traceId", traceId);
    }

    /// <summary>Builds the problem details object (validation problems carry "errors").</summary>
    public static ProblemDetails ProblemDetails(ApiResultKind kind, ApiProblem problem)
    {
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

    /// <summary>Writes problem details once the request is known, so that every trigger's problems carry <c>instance</c> and <c>traceId</c>.</summary>
    private sealed class ProblemResult(ProblemDetails details) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            AddRequestMembers(details, httpContext.Request.Path, httpContext.TraceIdentifier);
            return TypedResults.Problem(details).ExecuteAsync(httpContext);
        }
    }
}

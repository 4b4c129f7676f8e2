using DurableClaims.Api;
using Microsoft.AspNetCore.Mvc;

namespace DurableClaims.Host.Http;

/// <summary>Turns host-neutral <see cref="ApiResult{T}"/> values into HTTP results (RFC 7807 for failures).</summary>
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

    /// <summary>Writes a host-neutral problem as RFC 7807 problem details with the matching status code.</summary>
    public static IResult Problem(ApiResultKind kind, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var status = ApiResultStatusCodes.For(kind);
        var details = problem.Errors is { Count: > 0 } errors
            ? new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        details.Status = status;
        details.Type = ApiResultStatusCodes.TypeFor(kind);
        details.Title = problem.Title;
        details.Detail = problem.Detail;
        foreach (var (key, value) in problem.Extensions ?? new Dictionary<string, object?>())
        {
            details.Extensions[key] = value;
        }

        return TypedResults.Problem(details);
    }
}

using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Clients;

/// <summary>Turns API failures into CLI errors: every failure the API reports is about the caller's input (exit 2).</summary>
internal static class ApiResults
{
    /// <summary>Returns the value, or throws <see cref="CliInputException"/> with the problem and one line per field error.</summary>
    public static T Require<T>(ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsSuccess)
        {
            return result.Value!;
        }

        var problem = result.Problem!;
        var details = (problem.Errors ?? new Dictionary<string, string[]>())
            .SelectMany(e => e.Value.Select(message => $"{e.Key}: {message}"))
            .ToList();
        var message = string.IsNullOrWhiteSpace(problem.Detail) ? problem.Title : problem.Detail;
        throw new CliInputException(message, details);
    }
}

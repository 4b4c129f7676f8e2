using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Clients;

/// <summary>Turns a host's HTTP responses back into <see cref="ApiResult{T}"/> (the inverse of the host's mapping).</summary>
internal static class HttpResults
{
    private static readonly HashSet<string> StandardMembers = new(StringComparer.Ordinal) { "type", "title", "status", "detail", "instance", "errors", "traceId" };

    public static async Task<ApiResult<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            var value = await response.Content.ReadFromJsonAsync<T>(CliJson.Options, cancellationToken)
                ?? throw new InvalidOperationException($"The server answered {(int)response.StatusCode} with an empty body.");
            return response.StatusCode == HttpStatusCode.Accepted
                ? ApiResult.Accepted<T>(value, response.Headers.Location?.ToString())
                : ApiResult.Ok<T>(value);
        }

        var problem = await ReadProblemAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => ApiResult.Fail<T>(ApiResultKind.Invalid, problem),
            HttpStatusCode.NotFound => ApiResult.Fail<T>(ApiResultKind.NotFound, problem),
            HttpStatusCode.Conflict => ApiResult.Fail<T>(ApiResultKind.Conflict, problem),
            HttpStatusCode.Gone => ApiResult.Fail<T>(ApiResultKind.Gone, problem),
            HttpStatusCode.RequestEntityTooLarge => ApiResult.Fail<T>(ApiResultKind.TooLarge, problem),
            HttpStatusCode.UnsupportedMediaType => ApiResult.Fail<T>(ApiResultKind.UnsupportedMediaType, problem),
            HttpStatusCode.UnprocessableEntity => ApiResult.Fail<T>(ApiResultKind.Unprocessable, problem),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => throw new CliInputException(
                $"The server refused the request ({(int)response.StatusCode}): pass its function key with --key or DURABLECLAIMS_KEY."),
            _ => throw new HttpRequestException(
                $"The server answered {(int)response.StatusCode} {response.ReasonPhrase}: {problem.Detail}", null, response.StatusCode),
        };
    }

    private static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var title = root.TryGetProperty("title", out var t) ? t.GetString() : null;
            var detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
            Dictionary<string, string[]>? errors = null;
            if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
            {
                errors = e.EnumerateObject().ToDictionary(
                    p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.Array
                        ? p.Value.EnumerateArray().Select(v => v.ToString()).ToArray()
                        : [p.Value.ToString()]);
            }

            // Further members (e.g. a conflicting claim's status and URLs) as the embedded API reports them: strings stay strings.
            var extensions = root.ValueKind == JsonValueKind.Object
                ? root.EnumerateObject()
                    .Where(p => !StandardMembers.Contains(p.Name))
                    .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : (object?)p.Value.Clone(), StringComparer.Ordinal)
                : null;
            return new ApiProblem(title ?? response.ReasonPhrase ?? "Error", detail ?? title ?? string.Empty, errors, extensions);
        }
        catch (JsonException)
        {
            var reason = response.ReasonPhrase ?? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new ApiProblem(reason, string.IsNullOrWhiteSpace(text) ? reason : text.Trim());
        }
    }
}

using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Api.Adjusters;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary>The adjuster's routes for both hosts: review, re-open, retry, close, notes and archive, each a small JSON body.</summary>
/// <remarks>
/// When the host authenticated the caller (<c>HttpContext.User</c>: a bearer token on the local host, App Service
/// authentication in the Functions app) the action is recorded as that user; with a function key only, the body's name.
/// </remarks>
public static class AdjusterHttp
{
    /// <summary>The largest adjuster request body (a note is the biggest part).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    public static Task<IResult> ReviewAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<ReviewRequest, AdjusterActionAccepted>(request, body => actions.ReviewAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static Task<IResult> ReopenAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<AdjusterActionRequest, AdjusterActionAccepted>(request, body => actions.ReopenAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static Task<IResult> RetryAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<AdjusterActionRequest, AdjusterActionAccepted>(request, body => actions.RetryAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static Task<IResult> RemindAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<AdjusterActionRequest, AdjusterActionAccepted>(request, body => actions.RemindAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static Task<IResult> CloseAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<AdjusterActionRequest, AdjusterActionAccepted>(request, body => actions.CloseAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static Task<IResult> AddNoteAsync(string claimId, HttpRequest request, ClaimActionsService actions, CancellationToken cancellationToken)
        => HandleAsync<NoteRequest, Contracts.ClaimLifecycleEvent>(request, body => actions.AddNoteAsync(claimId, body, UserOf(request), cancellationToken), cancellationToken);

    public static async Task<IResult> ArchiveAsync(string claimId, ClaimActionsService actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return (await actions.ArchiveAsync(claimId, cancellationToken)).ToHttp();
    }

    private static AuthenticatedUser? UserOf(HttpRequest request) => AuthenticatedUsers.From(request.HttpContext.User);

    /// <summary>Reads a bounded JSON body (415 for other content types, 413 when too large, 400 for JSON that does not parse) and runs <paramref name="action"/> on it.</summary>
    private static async Task<IResult> HandleAsync<TRequest, TResult>(HttpRequest request, Func<TRequest, Task<ApiResult<TResult>>> action, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return ApiResultHttp.Problem(ApiResultKind.UnsupportedMediaType, new ApiProblem(
                "Unsupported media type", $"Content type '{request.ContentType}' is not supported; send application/json."));
        }

        var body = await RequestBody.ReadTextAsync(request, MaxBodyBytes, $"The request is larger than {MaxBodyBytes} bytes.", cancellationToken);
        if (!body.IsSuccess)
        {
            return body.ToHttp();
        }

        TRequest? value;
        try
        {
            value = JsonSerializer.Deserialize<TRequest>(body.Value!, RequestJson);
        }
        catch (JsonException ex)
        {
            return ApiResult.Invalid<TResult>("$", $"The body is not valid JSON: {ex.Message}").ToHttp();
        }

        return value is null
            ? ApiResult.Invalid<TResult>("$", "The body must be a JSON object.").ToHttp()
            : (await action(value)).ToHttp();
    }
}

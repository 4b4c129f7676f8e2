namespace DurableClaims.Api;

/// <summary>How an API operation ended; each host maps it to its own response (HTTP status, CLI exit code).</summary>
public enum ApiResultKind
{
    Ok,
    Accepted,
    Invalid,
    NotFound,
    Conflict,
    Gone,
    TooLarge,
    UnsupportedMediaType,

    /// <summary>Well-formed but can never succeed as sent (e.g. a claim on a policy that is not on file): 422.</summary>
    Unprocessable,

    /// <summary>Cannot be done right now but will be shortly (the caller retries after a few seconds): 503 with Retry-After.</summary>
    Unavailable,
}

/// <summary>An RFC 7807 problem in host-neutral form.</summary>
/// <param name="Title">Short, stable summary of the problem type.</param>
/// <param name="Detail">What went wrong for this request.</param>
/// <param name="Errors">Per-field messages (the "errors" member of a validation problem).</param>
/// <param name="Extensions">Further members, e.g. the status URL of a conflicting claim.</param>
public sealed record ApiProblem(
    string Title,
    string Detail,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    IReadOnlyDictionary<string, object?>? Extensions = null);

/// <summary>The result of an API operation: a value on success, a problem otherwise (create with <see cref="ApiResult"/>).</summary>
/// <typeparam name="T">The success value type.</typeparam>
public sealed record ApiResult<T>
{
    internal ApiResult(ApiResultKind kind, T? value, ApiProblem? problem, string? location)
    {
        Kind = kind;
        Value = value;
        Problem = problem;
        Location = location;
    }

    public ApiResultKind Kind { get; }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    /// <summary>Gets the path of the created or accepted resource, if any.</summary>
    public string? Location { get; }

    public bool IsSuccess => Kind is ApiResultKind.Ok or ApiResultKind.Accepted;

    /// <summary>Carries a failure over to a result of another value type.</summary>
    public ApiResult<TOther> Cast<TOther>()
        => IsSuccess ? throw new InvalidOperationException("Only failures can be cast.") : new ApiResult<TOther>(Kind, default, Problem, null);
}

/// <summary>Factory methods for <see cref="ApiResult{T}"/>.</summary>
public static class ApiResult
{
    public static ApiResult<T> Ok<T>(T value) => new(ApiResultKind.Ok, value, null, null);

    public static ApiResult<T> Accepted<T>(T value, string? location = null) => new(ApiResultKind.Accepted, value, null, location);

    public static ApiResult<T> Fail<T>(ApiResultKind kind, ApiProblem problem) => new(kind, default, problem, null);

    public static ApiResult<T> Invalid<T>(IReadOnlyDictionary<string, string[]> errors, string detail = "The request has invalid fields.")
        => Fail<T>(ApiResultKind.Invalid, new ApiProblem("One or more validation errors occurred.", detail, errors));

    public static ApiResult<T> Invalid<T>(string field, string message) => Invalid<T>(new Dictionary<string, string[]> { [field] = [message] });

    public static ApiResult<T> NotFound<T>(string detail) => Fail<T>(ApiResultKind.NotFound, new ApiProblem("Not found", detail));

    public static ApiResult<T> Conflict<T>(string detail, IReadOnlyDictionary<string, object?>? extensions = null)
        => Fail<T>(ApiResultKind.Conflict, new ApiProblem("Conflict", detail, Extensions: extensions));

    public static ApiResult<T> Gone<T>(string detail) => Fail<T>(ApiResultKind.Gone, new ApiProblem("Gone", detail));

    public static ApiResult<T> TooLarge<T>(string detail) => Fail<T>(ApiResultKind.TooLarge, new ApiProblem("Payload too large", detail));

    public static ApiResult<T> Unsupported<T>(string detail) => Fail<T>(ApiResultKind.UnsupportedMediaType, new ApiProblem("Unsupported media type", detail));

    public static ApiResult<T> Unprocessable<T>(IReadOnlyDictionary<string, string[]> errors, string detail)
        => Fail<T>(ApiResultKind.Unprocessable, new ApiProblem("The claim can never be paid as submitted.", detail, errors));
}

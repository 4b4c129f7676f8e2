using DurableClaims.Api;

namespace DurableClaims.Http;

/// <summary>HTTP status codes for <see cref="ApiResultKind"/>; shared so that both hosts answer alike.</summary>
public static class ApiResultStatusCodes
{
    public static int For(ApiResultKind kind) => kind switch
    {
        ApiResultKind.Ok => 200,
        ApiResultKind.Accepted => 202,
        ApiResultKind.Invalid => 400,
        ApiResultKind.NotFound => 404,
        ApiResultKind.Conflict => 409,
        ApiResultKind.Gone => 410,
        ApiResultKind.TooLarge => 413,
        ApiResultKind.UnsupportedMediaType => 415,
        ApiResultKind.Unprocessable => 422,
        ApiResultKind.Unavailable => 503,
        _ => 500,
    };

    /// <summary>The problem <c>type</c> URI for a failure kind: the RFC 9110 section of its status code.</summary>
    /// <remarks>ASP.NET Core fills <c>type</c> only for some codes (not 410 or 413); both hosts set it from here instead.</remarks>
    public static string TypeFor(ApiResultKind kind) => kind switch
    {
        ApiResultKind.Invalid => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ApiResultKind.NotFound => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        ApiResultKind.Conflict => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        ApiResultKind.Gone => "https://tools.ietf.org/html/rfc9110#section-15.5.11",
        ApiResultKind.TooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        ApiResultKind.UnsupportedMediaType => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        ApiResultKind.Unprocessable => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        ApiResultKind.Unavailable => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        ApiResultKind.Ok or ApiResultKind.Accepted => "about:blank",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}

using System.Text;
using DurableClaims.Api;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary>Reads request bodies for both hosts so that bad input is always a 4xx: bounded, strict UTF-8, and multipart that cannot be parsed answered 400/413.</summary>
public static class RequestBody
{
    // Strict: a lenient decoder turns invalid bytes into U+FFFD and stores text the sender never wrote.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a body as UTF-8 text: 413 (with <paramref name="tooLargeDetail"/>) over <paramref name="limit"/> bytes, 400 when the bytes are not UTF-8.</summary>
    public static async Task<ApiResult<string>> ReadTextAsync(HttpRequest request, long limit, string tooLargeDetail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ReadTextAsync(request.Body, request.ContentLength, limit, tooLargeDetail, cancellationToken);
    }

    /// <summary>Reads a stream as UTF-8 text: 413 over <paramref name="limit"/> bytes, 400 when the bytes are not UTF-8.</summary>
    public static async Task<ApiResult<string>> ReadTextAsync(Stream body, long? length, long limit, string tooLargeDetail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (length > limit || await BoundedBody.ReadBytesAsync(body, limit, cancellationToken) is not { } bytes)
        {
            return ApiResult.TooLarge<string>(tooLargeDetail);
        }

        try
        {
            return ApiResult.Ok(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            return ApiResult.Invalid<string>("$", $"The body is not valid UTF-8 text (invalid bytes at offset {ex.Index}).");
        }
    }

    /// <summary>Reads a multipart form; a malformed body (broken part, missing or oversized boundary) is 400 and one over a form limit 413, never an exception.</summary>
    /// <remarks>A full disk while the form is buffered to temporary files is not the caller's fault: it propagates to the storage-fault mapping.</remarks>
    public static async Task<(IFormCollection? Form, ApiResult<string>? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? ApiResult.TooLarge<string>("The request body is larger than this host accepts.")
                : Malformed(ex.Message));
        }
        catch (InvalidDataException ex) when (IsOverLimit(ex))
        {
            return (null, ApiResult.TooLarge<string>($"The multipart body is too large: {ex.Message}"));
        }
        catch (InvalidDataException ex)
        {
            return (null, Malformed(ex.Message));
        }
        catch (IOException ex) when (!StorageFaults.IsDiskFull(ex))
        {
            // "Unexpected end of stream": a part cut off before its closing boundary.
            return (null, Malformed(ex.Message));
        }
    }

    private static bool IsOverLimit(InvalidDataException ex)
        => ex.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("value length limit", StringComparison.OrdinalIgnoreCase)
        || ex.Message.Contains("count limit", StringComparison.OrdinalIgnoreCase);

    private static ApiResult<string> Malformed(string reason)
        => ApiResult.Invalid<string>("$", $"The multipart body could not be read: {reason}");
}

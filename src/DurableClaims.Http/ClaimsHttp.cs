using DurableClaims.Api;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary><c>POST /api/claims</c> for both hosts: a claim as JSON or Markdown, or multipart with the claim and its documents.</summary>
public static class ClaimsHttp
{
    /// <summary>The multipart part that carries the claim itself; every other file part is a document named by its type.</summary>
    public const string ClaimPart = "claim";

    /// <summary>Reads the request (the claim bounded by <paramref name="maxClaimBytes"/>) and starts the claim.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="service">The claims API.</param>
    /// <param name="maxClaimBytes">The largest claim accepted.</param>
    /// <param name="call">The call context; null derives it from the request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<ApiResult<ManagementPayload>> StartAsync(
        HttpRequest request, ClaimsApiService service, long maxClaimBytes, ApiCallContext? call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(service);
        call ??= ApiResultHttp.CallContext(request);
        var result = await StartCoreAsync(request, service, maxClaimBytes, call, cancellationToken);
        if (result.IsSuccess)
        {
            StorageHealth.ReportWriteSucceeded(request);
        }

        return result;
    }

    private static async Task<ApiResult<ManagementPayload>> StartCoreAsync(
        HttpRequest request, ClaimsApiService service, long maxClaimBytes, ApiCallContext call, CancellationToken cancellationToken)
    {
        if (ClaimsApiService.IsClaimContentType(request.ContentType))
        {
            var body = await RequestBody.ReadTextAsync(request, maxClaimBytes, $"A claim may be at most {maxClaimBytes} bytes.", cancellationToken);
            return body.IsSuccess
                ? await service.StartClaimAsync(body.Value!, request.ContentType, call, cancellationToken)
                : body.Cast<ManagementPayload>();
        }

        if (!request.HasFormContentType || !(request.ContentType ?? string.Empty).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResult.Unsupported<ManagementPayload>(
                $"Content type '{request.ContentType}' is not supported; send application/json, text/markdown, or multipart/form-data with a '{ClaimPart}' part and the documents.");
        }

        var (form, problem) = await RequestBody.ReadFormAsync(request, cancellationToken);
        if (form is null)
        {
            return problem!.Cast<ManagementPayload>();
        }

        var (claim, claimType, failure) = await ReadClaimAsync(form, maxClaimBytes, cancellationToken);
        if (claim is null)
        {
            return failure?.Cast<ManagementPayload>()
                ?? ApiResult.Invalid<ManagementPayload>(ClaimPart, $"The multipart request needs a '{ClaimPart}' part with the claim (JSON or Markdown).");
        }

        var parts = form.Files.Where(f => f.Name != ClaimPart).Select(f => new DocumentPart(f.Name, f.FileName, f.Length, f.OpenReadStream, f.ContentType));
        return await service.StartClaimWithPartsAsync(claim, claimType, parts, call, cancellationToken);
    }

    /// <summary>The claim from its file part (media type from the part, else its extension) or its text field (JSON when it starts with '{').</summary>
    private static async Task<(string? Content, string? ContentType, ApiResult<string>? Failure)> ReadClaimAsync(
        IFormCollection form, long maxClaimBytes, CancellationToken cancellationToken)
    {
        if (form.Files.GetFile(ClaimPart) is { } file)
        {
            await using var stream = file.OpenReadStream();
            var content = await RequestBody.ReadTextAsync(stream, file.Length, maxClaimBytes, $"A claim may be at most {maxClaimBytes} bytes.", cancellationToken);
            if (!content.IsSuccess)
            {
                return (null, null, content);
            }

            var type = ClaimsApiService.IsClaimContentType(file.ContentType) ? file.ContentType : MediaTypeOf(file.FileName, content.Value!);
            return (content.Value, type, null);
        }

        if (form.TryGetValue(ClaimPart, out var field) && field.ToString() is { Length: > 0 } text)
        {
            return text.Length > maxClaimBytes
                ? (null, null, ApiResult.TooLarge<string>($"A claim may be at most {maxClaimBytes} bytes."))
                : (text, MediaTypeOf(null, text), null);
        }

        return (null, null, null);
    }

    private static string MediaTypeOf(string? fileName, string content)
        => fileName?.EndsWith(".md", StringComparison.OrdinalIgnoreCase) == true ? "text/markdown"
        : fileName?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? "application/json"
        : content.TrimStart().StartsWith('{') ? "application/json" : "text/markdown";
}

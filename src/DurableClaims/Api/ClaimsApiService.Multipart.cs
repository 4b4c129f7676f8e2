namespace DurableClaims.Api;

/// <summary>One file part of a multipart documents request, without HTTP types: the part's name is the document type.</summary>
/// <param name="Name">The part name (the document type).</param>
/// <param name="FileName">The file name exactly as the client sent it; it is validated, never shortened.</param>
/// <param name="Length">The declared length in bytes.</param>
/// <param name="OpenReadStream">Opens the part's content.</param>
/// <param name="ContentType">The part's Content-Type, when the client sent one (the recorded media type; else the file extension decides).</param>
public sealed record DocumentPart(string? Name, string? FileName, long Length, Func<Stream> OpenReadStream, string? ContentType = null);

/// <content>Multipart requests, shared by both hosts: they only turn their form files into <see cref="DocumentPart"/>s.</content>
public sealed partial class ClaimsApiService
{
    /// <summary>Reads each part (refusing one over <see cref="ClaimsApiOptions.MaxDocumentBytes"/>) and submits them as one batch.</summary>
    /// <remarks>
    /// File names go to validation as sent: <c>a/../x.pdf</c> is refused with 400, as on the JSON route,
    /// rather than silently shortened to <c>x.pdf</c>.
    /// </remarks>
    public async Task<ApiResult<DocumentsAccepted>> SubmitDocumentPartsAsync(
        string claimId, IEnumerable<DocumentPart> parts, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        var (uploads, contentTypes, tooLarge) = await ReadPartsAsync(parts, cancellationToken);
        return tooLarge is not null
            ? TooLarge<DocumentsAccepted>(tooLarge.FileName)
            : await SubmitDocumentsAsync(claimId, uploads, contentTypes, "http", call, cancellationToken);
    }

    /// <summary>Starts a claim with the files sent beside it (each part's name is its document type); see <see cref="StartClaimAsync(string, string?, IReadOnlyList{DocumentUpload}, ApiCallContext, CancellationToken)"/>.</summary>
    public async Task<ApiResult<ManagementPayload>> StartClaimWithPartsAsync(
        string content, string? contentType, IEnumerable<DocumentPart> parts, ApiCallContext call, CancellationToken cancellationToken = default)
    {
        // DocumentUpload has no content type yet, so the documents sent with a claim are typed by their extension.
        var (uploads, _, tooLarge) = await ReadPartsAsync(parts, cancellationToken);
        return tooLarge is not null
            ? TooLarge<ManagementPayload>(tooLarge.FileName)
            : await StartClaimAsync(content, contentType, uploads, call, cancellationToken);
    }

    /// <summary>Reads the parts' content (and Content-Type, index for index), each bounded by the document limit; the first part over it is returned instead.</summary>
    private async Task<(List<DocumentUpload> Uploads, List<string?> ContentTypes, DocumentPart? TooLarge)> ReadPartsAsync(
        IEnumerable<DocumentPart> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var uploads = new List<DocumentUpload>();
        var contentTypes = new List<string?>();
        foreach (var part in parts)
        {
            if (part.Length > _options.MaxDocumentBytes)
            {
                return (uploads, contentTypes, part);
            }

            byte[]? content;
            await using (var stream = part.OpenReadStream())
            {
                content = await BoundedBody.ReadBytesAsync(stream, _options.MaxDocumentBytes, cancellationToken);
            }

            if (content is null)
            {
                return (uploads, contentTypes, part);
            }

            uploads.Add(new DocumentUpload(part.Name, part.FileName, content));
            contentTypes.Add(part.ContentType);
        }

        return (uploads, contentTypes, null);
    }
}

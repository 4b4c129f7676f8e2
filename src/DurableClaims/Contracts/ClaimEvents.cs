namespace DurableClaims.Contracts;

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.DocumentsReceived"/> event.</summary>
/// <param name="Documents">The documents that arrived.</param>
/// <param name="Source">Where they came from, e.g. <c>http</c>, <c>upload</c>, <c>cli</c>.</param>
public sealed record DocumentsReceived(IReadOnlyList<ReceivedDocument> Documents, string Source);

/// <summary>A document that arrived for a claim.</summary>
/// <param name="Type">The document type, e.g. <c>police_report</c>.</param>
/// <param name="Filename">The file name.</param>
/// <param name="Location">Where the content is stored (document store path or URL), when stored.</param>
/// <param name="Size">The stored content's length in bytes.</param>
/// <param name="MediaType">The stored content's media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Sha256">The stored content's SHA-256, lowercase hex.</param>
/// <remarks>The evidence members trail and are optional: payloads written before they existed still read.</remarks>
public sealed record ReceivedDocument(
    string Type, string Filename, string? Location = null, long? Size = null, string? MediaType = null, string? Sha256 = null);

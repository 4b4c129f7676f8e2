namespace DurableClaims.Contracts;

/// <summary>Payload of the <see cref="ClaimWorkflow.Events.DocumentsReceived"/> event.</summary>
/// <param name="Documents">The documents that arrived.</param>
/// <param name="Source">Where they came from, e.g. <c>http</c>, <c>upload</c>, <c>cli</c>.</param>
public sealed record DocumentsReceived(IReadOnlyList<ReceivedDocument> Documents, string Source);

/// <summary>A document that arrived for a claim.</summary>
/// <param name="Type">The document type, e.g. <c>police_report</c>.</param>
/// <param name="Filename">The file name.</param>
/// <param name="Location">Where the content is stored (document store path or URL), when stored.</param>
public sealed record ReceivedDocument(string Type, string Filename, string? Location = null);

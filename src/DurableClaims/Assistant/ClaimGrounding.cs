using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Documents;

namespace DurableClaims.Assistant;

/// <summary>What an answer may rest on: the claim's status and decision, its lifecycle events, the agents' messages and its documents' text.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Status">The status object the API serves (status, reason, deadline, missing documents, decision, …).</param>
/// <param name="Events">Lifecycle events, oldest first.</param>
/// <param name="AgentHistory">The agents' messages, oldest first.</param>
/// <param name="Documents">The stored documents, with their text when they are text.</param>
public sealed record ClaimGrounding(
    string ClaimId,
    ClaimStatusView Status,
    IReadOnlyList<ClaimLifecycleEvent> Events,
    IReadOnlyList<SessionMessage> AgentHistory,
    IReadOnlyList<GroundingDocument> Documents);

/// <summary>A stored document of the claim.</summary>
/// <param name="Type">The document type, e.g. <c>police_report</c>.</param>
/// <param name="Filename">The file name.</param>
/// <param name="Text">The text (at most <see cref="DocumentReader.MaxCharacters"/>), or null for binary files.</param>
public sealed record GroundingDocument(string Type, string Filename, string? Text)
{
    /// <summary>Gets the document's id in sources: <c>type/filename</c>.</summary>
    public string Id => $"{Type}/{Filename}";

    /// <summary>Gets the document as a source.</summary>
    public AssistantSource Source => new(AssistantSource.DocumentKind, Id, Filename);
}

/// <summary>Reads a claim's grounding through the claims API (status from the runtime or the archive) and the stores; it only reads.</summary>
public sealed class ClaimGroundingReader(ISessionStore sessions, IDocumentStore documents, DocumentReader reader)
{
    /// <summary>No links are followed from the assistant's status object: a reserved, never-resolving base URL.</summary>
    private static readonly ApiCallContext Call = new("http://assistant.invalid");

    /// <summary>Returns whether the claim exists (404 problem otherwise), through <paramref name="api"/>.</summary>
    public static async Task<ApiResult<ClaimStatusView>> FindClaimAsync(ClaimsApiService api, string claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        return await api.GetClaimAsync(claimId, Call, cancellationToken);
    }

    /// <summary>Reads everything an answer may use; a 404 problem when the claim is unknown.</summary>
    public async Task<ApiResult<ClaimGrounding>> ReadAsync(ClaimsApiService api, string claimId, CancellationToken cancellationToken)
    {
        var status = await FindClaimAsync(api, claimId, cancellationToken);
        if (!status.IsSuccess)
        {
            return status.Cast<ClaimGrounding>();
        }

        var events = await sessions.GetEventsAsync(claimId, cancellationToken);
        var history = await sessions.GetHistoryAsync(claimId, cancellationToken);
        var stored = await documents.ListAsync(claimId, cancellationToken);
        var texts = await reader.ReadAsync(claimId, stored.Select(d => d.ToReceived()), cancellationToken);
        return ApiResult.Ok(new ClaimGrounding(
            claimId, status.Value!, events, history, [.. texts.Select(d => new GroundingDocument(d.Type, d.Filename, d.Content))]));
    }
}

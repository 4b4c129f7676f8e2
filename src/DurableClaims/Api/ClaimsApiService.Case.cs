using DurableClaims.Contracts;
using DurableClaims.Sessions;

namespace DurableClaims.Api;

/// <content>The whole case for the claim page: facts, stored documents and their files, risk factors.</content>
public sealed partial class ClaimsApiService
{
    /// <summary>Opens a stored document of a claim: NotFound for an unknown claim, an unsafe name or a document that is not stored.</summary>
    /// <remarks>The caller disposes <see cref="DocumentContent.Content"/>.</remarks>
    public async Task<ApiResult<DocumentContent>> OpenDocumentAsync(string claimId, string type, string fileName, CancellationToken cancellationToken = default)
    {
        if (!ClaimIds.IsValid(claimId) || !ClaimIds.IsSafeSegment(type) || !ClaimIds.IsSafeSegment(fileName) || documents.CheckName(claimId, type, fileName) is not null)
        {
            return ApiResult.NotFound<DocumentContent>($"Claim '{claimId}' has no document '{type}/{fileName}'.");
        }

        var stored = await documents.GetAsync(claimId, type, fileName, cancellationToken);
        var stream = stored is null ? null : await documents.OpenReadAsync(claimId, type, fileName, cancellationToken);
        return stream is null
            ? ApiResult.NotFound<DocumentContent>($"Claim '{claimId}' has no document '{type}/{fileName}'.")
            : ApiResult.Ok(new DocumentContent(stream, stored!.MediaType, stored.Filename, stored.Size));
    }

    /// <summary>Adds what only the claim page needs: the stored documents with their links and the agents' findings.</summary>
    private async Task<ClaimStatusView> WithCaseAsync(ClaimStatusView view, SessionContext? context, ApiCallContext call, CancellationToken cancellationToken)
    {
        var stored = await documents.ListAsync(view.ClaimId, cancellationToken);
        var links = stored
            .OrderBy(d => d.LastModified)
            .Select(d => new ClaimDocumentView(
                d.Type, d.Filename, d.Size, d.MediaType, d.LastModified,
                call.Url(ApiRoutes.DocumentPath(view.ClaimId, d.Type, d.Filename))))
            .ToList();
        return view with
        {
            Documents = links,
            RiskFactors = context?.Findings ?? [],
            Claim = view.Claim ?? ClaimFactsView.From(context?.Claim),
        };
    }

    /// <summary>Reads the session for the page's extras; a damaged session must not hide a claim the runtime knows.</summary>
    private async Task<SessionSnapshot?> TryLoadSessionAsync(string claimId, CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.LoadStateAsync(claimId, cancellationToken);
        }
        catch (StorageCorruptException)
        {
            return null;
        }
    }
}

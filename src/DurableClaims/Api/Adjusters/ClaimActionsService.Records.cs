using DurableClaims.Contracts;

namespace DurableClaims.Api.Adjusters;

/// <content>Records that never change a claim's course: notes on its timeline and moving a closed claim's session to the archive.</content>
public sealed partial class ClaimActionsService
{
    /// <summary>Adds an adjuster's note to any claim's timeline (its lifecycle events), open or closed.</summary>
    public Task<ApiResult<ClaimLifecycleEvent>> AddNoteAsync(string claimId, NoteRequest request, CancellationToken cancellationToken = default)
        => AddNoteAsync(claimId, request, null, cancellationToken);

    /// <summary>Adds a note by <paramref name="user"/> when a host authenticated one (the body's author is then ignored); the event's <c>authenticated</c> says which.</summary>
    public async Task<ApiResult<ClaimLifecycleEvent>> AddNoteAsync(string claimId, NoteRequest request, AuthenticatedUser? user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var author = Actor(claimId, request.Author, user);
        var errors = Check(author, null);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            errors["text"] = ["Required: the note."];
        }
        else if (request.Text.Length > MaxNoteLength)
        {
            errors["text"] = [$"At most {MaxNoteLength} characters."];
        }

        if (errors.Count > 0)
        {
            return ApiResult.Invalid<ClaimLifecycleEvent>(errors);
        }

        if (!await ExistsAsync(claimId, cancellationToken))
        {
            return ApiResult.NotFound<ClaimLifecycleEvent>($"No claim with id '{claimId}' exists.");
        }

        var at = time.GetUtcNow();
        var note = new ClaimLifecycleEvent(
            $"{claimId}:note-{at.UtcTicks:D19}", claimId, ClaimEventTypes.Note, at,
            new Dictionary<string, object?> { ["author"] = author, ["text"] = request.Text!.Trim(), ["authenticated"] = user is not null });
        await sessions.AppendEventAsync(note, cancellationToken);
        Log.NoteAdded(logger, author!, claimId);
        return ApiResult.Ok(note);
    }

    /// <summary>Moves a closed claim's session to the archive area (compressed history); a claim still open is refused.</summary>
    public async Task<ApiResult<ClaimArchived>> ArchiveAsync(string claimId, CancellationToken cancellationToken = default)
    {
        if (!ClaimIds.IsValid(claimId))
        {
            return ApiResult.NotFound<ClaimArchived>($"No claim with id '{claimId}' exists.");
        }

        var instance = await runtime.GetAsync(claimId, false, cancellationToken);
        if (instance is { IsCompleted: false })
        {
            return ApiResult.Conflict<ClaimArchived>($"Claim '{claimId}' is still open; only closed claims are archived.");
        }

        if (await sessions.ArchiveAsync(claimId, cancellationToken))
        {
            Log.Archived(logger, claimId);
            return ApiResult.Ok(new ClaimArchived(claimId, Moved: true));
        }

        // Already archived (at completion, by default) or never saved.
        return await sessions.ExistsAsync(claimId, cancellationToken)
            ? ApiResult.Ok(new ClaimArchived(claimId, Moved: false))
            : ApiResult.NotFound<ClaimArchived>($"Claim '{claimId}' has no session to archive.");
    }

    private async Task<bool> ExistsAsync(string claimId, CancellationToken cancellationToken)
        => ClaimIds.IsValid(claimId)
           && (await runtime.GetAsync(claimId, false, cancellationToken) is not null || await sessions.ExistsAsync(claimId, cancellationToken));
}

namespace DurableClaims.Assistant;

/// <summary>Chooses the earlier messages a prompt carries: the latest turn always, then the most relevant others, up to <see cref="AssistantOptions.MaxContextMessages"/>.</summary>
/// <remarks>The original service's rule (top-k by similarity, <c>MAX_CONTEXT_MESSAGES</c>), with the latest question and answer kept so that a follow-up reads on from them.</remarks>
public static class ContextSelector
{
    /// <summary>How many of the latest messages are always carried (the last question and its answer).</summary>
    public const int Recent = 2;

    /// <summary>Returns the selected messages, oldest first.</summary>
    public static async Task<IReadOnlyList<ConversationMessage>> SelectAsync(
        IReadOnlyList<ConversationMessage> history, string question, int maxMessages, IRelevanceRanker ranker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ranker);
        if (history.Count <= maxMessages)
        {
            return history;
        }

        var recent = Math.Min(Recent, maxMessages);
        var earlier = history.Take(history.Count - recent).ToList();
        var scores = await ranker.ScoreAsync(question, [.. earlier.Select(m => m.Content + " " + m.Summary)], cancellationToken);

        // Ties go to the later message: what was said last is likelier meant.
        var chosen = Enumerable.Range(0, earlier.Count)
            .Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenByDescending(i => i)
            .Take(maxMessages - recent)
            .ToHashSet();
        return [.. earlier.Where((_, i) => chosen.Contains(i)), .. history.Skip(history.Count - recent)];
    }
}

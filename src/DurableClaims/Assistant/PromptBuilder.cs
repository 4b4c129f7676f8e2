using System.Globalization;
using System.Text;
using DurableClaims.Contracts;

namespace DurableClaims.Assistant;

/// <summary>Builds a bounded prompt: the claim's facts (documents by relevance within a character budget) and the selected earlier turns.</summary>
/// <remarks>
/// Every part has a ceiling whatever the claim or the conversation holds: at most
/// <see cref="AssistantOptions.MaxContextMessages"/> earlier messages of at most <see cref="AssistantPrompt.MaxContextMessageChars"/>
/// characters, <see cref="AssistantOptions.MaxDocumentChars"/> of documents, <see cref="AssistantOptions.MaxClaimHistoryItems"/>
/// events and agent messages of bounded length, and the question itself.
/// </remarks>
public static class PromptBuilder
{
    private const int MaxAgentMessageChars = 300;
    private const int MaxFieldChars = 600;

    /// <summary>Words of document names that alone do not name one document ("report" could be any report).</summary>
    private static readonly HashSet<string> GenericNameTerms = new(
        ["report", "form", "document", "photo", "statement", "confirmation", "proof", "insurance", "vehicle", "damage", "txt", "md", "pdf"],
        StringComparer.Ordinal);

    /// <summary>The assistant's instructions: grounded, read-only, citing documents.</summary>
    public static string InstructionsFor(string claimId) =>
        $"You are the DurableClaims claim assistant for claim {claimId}. Answer from the claim record below and the conversation only; "
        + "when the record does not tell, say so. You can only read: never say that you changed, approved, denied, paid, requested or sent "
        + "anything; a letter or e-mail you draft is text for a person to send. Name the documents you quote. Be brief.";

    /// <summary>Builds the prompt for <paramref name="question"/> with the already selected <paramref name="context"/>.</summary>
    public static AssistantPrompt Build(ClaimGrounding grounding, IReadOnlyList<ConversationMessage> context, string question, AssistantOptions options)
    {
        ArgumentNullException.ThrowIfNull(grounding);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var ranked = RankDocuments(grounding.Documents, question, TopicOf(context, grounding.Documents));
        var facts = new StringBuilder();
        var sources = new List<AssistantSource> { new(AssistantSource.ClaimKind, "status", "claim status") };
        WriteStatus(facts, grounding);
        if (grounding.Status.Decision is not null)
        {
            sources.Add(new(AssistantSource.ClaimKind, "decision", "decision record"));
        }

        WriteEvents(facts, grounding.Events, options.MaxClaimHistoryItems);
        WriteAgentMessages(facts, grounding.AgentHistory, options.MaxClaimHistoryItems);
        sources.AddRange(WriteDocuments(facts, ranked, options.MaxDocumentChars));
        return new AssistantPrompt(InstructionsFor(grounding.ClaimId), facts.ToString(), context, question, ranked, sources);
    }

    /// <summary>Ranks documents by BM25 against the question; a document the question names comes first. With no document named, the conversation's topic stands in.</summary>
    public static IReadOnlyList<RankedDocument> RankDocuments(IReadOnlyList<GroundingDocument> documents, string question, GroundingDocument? topic)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var terms = Bm25.Terms(question).ToHashSet(StringComparer.Ordinal);
        var named = documents.Select(d => NamesDocument(terms, d)).ToList();
        var query = !named.Contains(true) && topic is not null ? $"{question} {topic.Type} {topic.Filename}" : question;
        var scores = Bm25.Score(query, [.. documents.Select(d => $"{d.Type} {d.Filename} {d.Text}")]);
        return [.. documents.Select((d, i) => new RankedDocument(d, scores[i] + (named[i] ? 10 : 0) + (topic == d && !named.Contains(true) ? 5 : 0), named[i]))
            .OrderByDescending(r => r.Score).ThenBy(r => r.Document.Id, StringComparer.Ordinal)];
    }

    /// <summary>Returns whether the question names the document: all words of its type or file name, or a word that is not generic.</summary>
    public static bool NamesDocument(IReadOnlySet<string> questionTerms, GroundingDocument document)
    {
        ArgumentNullException.ThrowIfNull(questionTerms);
        ArgumentNullException.ThrowIfNull(document);
        var name = Bm25.Terms(document.Type).Concat(Bm25.Terms(Path.GetFileNameWithoutExtension(document.Filename))).Distinct(StringComparer.Ordinal).ToList();
        var matched = name.Where(questionTerms.Contains).ToList();
        return matched.Count > 0 && (matched.Count >= 2 || matched.Count == name.Count || matched.Any(t => !GenericNameTerms.Contains(t)));
    }

    /// <summary>The document the latest earlier turn with a topic was about (so that "it" in a follow-up means it).</summary>
    public static GroundingDocument? TopicOf(IReadOnlyList<ConversationMessage> context, IReadOnlyList<GroundingDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(documents);
        var topic = context.LastOrDefault(m => m.Topic is not null)?.Topic;
        return topic is null ? null : documents.FirstOrDefault(d => d.Id == topic);
    }

    private static void WriteStatus(StringBuilder facts, ClaimGrounding grounding)
    {
        var status = grounding.Status;
        facts.AppendLine(CultureInfo.InvariantCulture, $"CLAIM {grounding.ClaimId}: status {status.Status}{(status.Reason is null ? string.Empty : $" ({status.Reason})")}.");
        Line(facts, "Detail", status.Detail);
        Line(facts, "Phase", status.Phase);
        Line(facts, "Waiting for", status.Awaiting);
        Line(facts, "Deadline", status.Deadline?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        if (status.Claim is { } claim)
        {
            Line(facts, "Claim", string.Create(CultureInfo.InvariantCulture,
                $"{claim.ClaimType} on policy {claim.PolicyNumber}, incident {claim.IncidentDate:yyyy-MM-dd}, {claim.Amount:N2} {claim.Currency}, claimant {claim.ClaimantName}"));
            Line(facts, "Description", claim.Description);
        }

        Line(facts, "Missing documents", status.MissingDocuments.Count == 0 ? "none" : string.Join(", ", status.MissingDocuments));
        Line(facts, "Received documents", string.Join(", ", grounding.Documents.Select(d => d.Id)));
        Line(facts, "Recommendation", status.Recommendation);
        Line(facts, "Risk score", status.RiskScore?.ToString("0.00", CultureInfo.InvariantCulture));
        Line(facts, "Risk factors", string.Join("; ", status.RiskFactors));
        if (status.Decision is { } decision)
        {
            Line(facts, "Decision", string.Create(CultureInfo.InvariantCulture,
                $"{decision.Outcome} by {decision.DecidedBy}{(decision.Adjuster is null ? string.Empty : $" ({decision.Adjuster})")} on {decision.DecidedAt:yyyy-MM-dd}, payable {decision.PayableAmount:N2} {decision.Currency} of {decision.ClaimedAmount:N2} (deductible {decision.Deductible:N2})"));
            Line(facts, "Decision reasons", string.Join("; ", decision.Reasons));
            Line(facts, "Failed rules", string.Join("; ", decision.RulesApplied.Where(r => r.Result == "failed").Select(r => $"{r.Id}: {r.Detail ?? r.Description}")));
            Line(facts, "Adjuster notes", decision.AdjusterNotes);
        }
    }

    private static void WriteEvents(StringBuilder facts, IReadOnlyList<ClaimLifecycleEvent> events, int max)
    {
        if (events.Count == 0 || max == 0)
        {
            return;
        }

        facts.AppendLine(CultureInfo.InvariantCulture, $"Lifecycle events (latest {Math.Min(max, events.Count)} of {events.Count}):");
        foreach (var item in events.TakeLast(max))
        {
            var data = item.Data is null ? string.Empty : " " + Bounded(string.Join(", ", item.Data.Select(kv => $"{kv.Key}={kv.Value}")), 200);
            facts.AppendLine(CultureInfo.InvariantCulture, $"- {item.Timestamp:yyyy-MM-dd HH:mm} {item.Type}{data}");
        }
    }

    private static void WriteAgentMessages(StringBuilder facts, IReadOnlyList<SessionMessage> history, int max)
    {
        var messages = history.Where(m => m.Role is "assistant" or "system").TakeLast(max).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        facts.AppendLine(CultureInfo.InvariantCulture, $"Agent messages (latest {messages.Count}):");
        foreach (var message in messages)
        {
            facts.AppendLine(CultureInfo.InvariantCulture, $"- [{message.Author}] {Bounded(OneLine(message.Content), MaxAgentMessageChars)}");
        }
    }

    private static List<AssistantSource> WriteDocuments(StringBuilder facts, IReadOnlyList<RankedDocument> ranked, int budget)
    {
        var used = new List<AssistantSource>();
        foreach (var item in ranked.Where(r => r.Document.Text is { Length: > 0 }))
        {
            if (budget <= 0)
            {
                break;
            }

            var text = Bounded(item.Document.Text!.Trim(), budget);
            budget -= text.Length;
            facts.AppendLine(CultureInfo.InvariantCulture, $"--- document {item.Document.Id} ---").AppendLine(text);
            if (item.Score > 0)
            {
                used.Add(item.Document.Source);
            }
        }

        return used;
    }

    private static void Line(StringBuilder facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.AppendLine(CultureInfo.InvariantCulture, $"{label}: {Bounded(OneLine(value), MaxFieldChars)}");
        }
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    internal static string Bounded(string text, int max) => text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
}

using System.Globalization;

namespace DurableClaims.Assistant;

/// <summary>The offline assistant's quotes from documents and its draft replies.</summary>
public sealed partial class OfflineAssistant
{
    private const int MaxQuote = 500;

    /// <summary>Quotes the sentences of <paramref name="document"/> that share words with the question (beyond the document's own name), else its opening.</summary>
    private static void Quote(Reply answer, GroundingDocument document, string question)
    {
        answer.Sources.Add(document.Source);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            answer.Say($"{document.Filename} is on file, but it is not text the assistant can read (a photo or a PDF); open it from the claim page.");
            return;
        }

        var nameTerms = Bm25.Terms(document.Type).Concat(Bm25.Terms(document.Filename)).ToHashSet(StringComparer.Ordinal);
        var asked = Bm25.Terms(question).Where(t => !nameTerms.Contains(t) && !QuoteNoise.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var sentences = Sentences(document.Text).ToList();
        var matching = asked.Count == 0 ? [] : sentences.Where(s => Bm25.Terms(s).Any(asked.Contains)).Take(3).ToList();
        var quoted = string.Join(" ", matching.Count > 0 ? matching : sentences.Take(3));
        answer.Say($"{document.Filename} ({document.Type}) says: \"{PromptBuilder.Bounded(quoted, MaxQuote)}\"");
    }

    /// <summary>Words of a question that ask for a quote rather than say what to look for.</summary>
    private static readonly HashSet<string> QuoteNoise = new(
        ["else", "doe", "document", "quote", "mention", "mentioned", "content", "contain", "read", "write", "written", "summary", "summarise", "summarize", "one", "other"],
        StringComparer.Ordinal);

    private static IEnumerable<string> Sentences(string text)
    {
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var start = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '.' or '!' or '?' && EndsSentence(line, i))
                {
                    yield return line[start..(i + 1)].Trim();
                    start = i + 1;
                }
            }

            if (start < line.Length && line[start..].Trim() is { Length: > 0 } rest)
            {
                yield return rest;
            }
        }
    }

    /// <summary>Abbreviations whose full stop ends no sentence ("near No. 118").</summary>
    private static readonly HashSet<string> Abbreviations = new(["No", "Nr", "Mr", "Mrs", "Ms", "Dr", "St", "Ave", "approx", "e.g", "i.e", "vs"], StringComparer.Ordinal);

    /// <summary>Whether the mark at <paramref name="at"/> ends a sentence: at the end of the line, or before a space and a capital, and not after an abbreviation.</summary>
    private static bool EndsSentence(string line, int at)
    {
        if (at + 1 == line.Length)
        {
            return true;
        }

        if (line[at + 1] != ' ' || at + 2 >= line.Length || !char.IsUpper(line[at + 2]))
        {
            return false;
        }

        var start = line.LastIndexOf(' ', at) + 1;
        return line[at] != '.' || !Abbreviations.Contains(line[start..at]);
    }

    /// <summary>A reply to the claimant for a person to send: what is missing, or the decision, or where the claim stands.</summary>
    private static void Draft(Reply answer)
    {
        var status = answer.Grounding.Status;
        var name = status.Claim?.ClaimantName ?? "customer";
        var text = answer.Text;
        text.AppendLine("Here is a draft for you to send (the assistant sends nothing):").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dear {name},").AppendLine();
        if (status.Decision is { } decision)
        {
            text.AppendLine(decision.Outcome == "approve"
                ? string.Create(CultureInfo.InvariantCulture, $"your claim {answer.Grounding.ClaimId} has been approved. We will pay {decision.PayableAmount:N2} {decision.Currency}.")
                : $"we are sorry to tell you that your claim {answer.Grounding.ClaimId} could not be approved: {string.Join("; ", decision.Reasons.Select(r => r.TrimEnd('.')))}.");
            answer.Use(AssistantSource.ClaimKind, "decision", "decision record");
        }
        else if (status.MissingDocuments.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"to continue with your claim {answer.Grounding.ClaimId} we still need the following documents:");
            foreach (var document in status.MissingDocuments)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {document.Replace('_', ' ')}");
            }

            text.AppendLine(status.Deadline is { } deadline
                ? $"Please send them by {Format(deadline)} so that we can decide on your claim."
                : "Please send them as soon as you can so that we can decide on your claim.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"your claim {answer.Grounding.ClaimId} is {status.Status}; we will write to you as soon as there is news.");
        }

        text.AppendLine().AppendLine("Kind regards,").AppendLine("Claims team");
        answer.Use(AssistantSource.ClaimKind, "status", "claim status");
    }
}

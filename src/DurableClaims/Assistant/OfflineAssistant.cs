using System.Globalization;
using System.Text;
using DurableClaims.Contracts;

namespace DurableClaims.Assistant;

/// <summary>The offline assistant: answers what a claims team asks (status, missing documents, why decided, what a document says, deadline, a draft reply) from the claim's data, deterministically.</summary>
/// <remarks>
/// Several questions in one are answered in turn. A question that names no document and asks nothing else follows the
/// conversation's topic (the document the latest selected turn was about), which is how "what else does it say?" works
/// after a restart: the topic is stored with each turn.
/// </remarks>
public sealed partial class OfflineAssistant : IAssistantModel
{
    /// <summary>The name stored with offline answers.</summary>
    public const string ModelName = "offline";

    private static readonly string[] DraftWords = ["draft", "letter", "e-mail", "email", "write a", "write to", "reply", "message to"];
    private static readonly string[] MissingWords = ["missing", "outstanding", "still need", "need from", "required", "which documents", "what documents", "what do you need", "what else do you need", "what else is needed"];
    private static readonly string[] WhyWords = ["why", "reason", "decided", "decision", "denied", "approved", "paused", "stalled", "rejected"];
    private static readonly string[] DeadlineWords = ["deadline", "due", "how long", "time left", "until when", "by when", "expire", "time out", "timeout", "how much time"];
    private static readonly string[] StatusWords = ["status", "where is", "state", "progress", "what happened", "stage", "going on"];

    public string Name => ModelName;

    public async Task<AnswerUse> AnswerAsync(
        AssistantPrompt prompt, ClaimGrounding grounding, Func<string, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (text, use) = Answer(prompt, grounding);
        foreach (var chunk in AnswerChunks.Of(text))
        {
            await write(chunk, cancellationToken);
        }

        return use;
    }

    /// <summary>The whole answer and what it used.</summary>
    public static (string Text, AnswerUse Use) Answer(AssistantPrompt prompt, ClaimGrounding grounding)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(grounding);
        var question = prompt.Question.ToLowerInvariant();
        var answer = new Reply(grounding);
        var named = prompt.Documents.Where(d => d.NameMatch).Select(d => d.Document).FirstOrDefault();
        var draft = HasAny(question, DraftWords);
        if (draft)
        {
            Draft(answer);
        }
        else
        {
            if (HasAny(question, StatusWords))
            {
                Status(answer);
            }

            if (HasAny(question, MissingWords))
            {
                Missing(answer);
            }

            if (HasAny(question, WhyWords))
            {
                Why(answer);
            }

            if (HasAny(question, DeadlineWords))
            {
                Deadline(answer);
            }
        }

        var topic = PromptBuilder.TopicOf(prompt.Context, grounding.Documents);
        if (named is not null && !draft)
        {
            Quote(answer, named, prompt.Question);
        }
        else if (answer.IsEmpty && topic is not null)
        {
            // A follow-up about the document the conversation was on: cite the turn that set the topic.
            Quote(answer, topic, prompt.Question);
            named = topic;
            var turn = prompt.Context.Last(m => m.Topic == topic.Id);
            answer.Sources.Add(new AssistantSource(AssistantSource.MessageKind, turn.Id, turn.Role));
        }

        if (answer.IsEmpty)
        {
            Overview(answer);
        }

        return (answer.Text.ToString().TrimEnd(), new AnswerUse([.. answer.Sources.Distinct()], named?.Id));
    }

    private static void Status(Reply answer)
    {
        var status = answer.Grounding.Status;
        answer.Say($"Claim {answer.Grounding.ClaimId} is {status.Status}{(status.Detail is null ? "." : $": {status.Detail.TrimEnd('.')}.")}");
        if (status.Awaiting is not null)
        {
            answer.Say($"It is waiting for {AwaitingText(status.Awaiting)}.");
        }

        answer.Use(AssistantSource.ClaimKind, "status", "claim status");
    }

    private static void Missing(Reply answer)
    {
        var status = answer.Grounding.Status;
        if (status.MissingDocuments.Count == 0)
        {
            var received = answer.Grounding.Documents.Select(d => d.Filename).ToList();
            answer.Say(received.Count == 0 ? "No documents are missing." : $"No documents are missing; received: {string.Join(", ", received)}.");
        }
        else
        {
            answer.Say($"The claim still needs {status.MissingDocuments.Count} document{(status.MissingDocuments.Count == 1 ? string.Empty : "s")}: {string.Join(", ", status.MissingDocuments)}.");
            if (status.Deadline is { } deadline && status.Awaiting == "documents")
            {
                answer.Say($"They are due by {Format(deadline)}.");
            }
        }

        answer.Use(AssistantSource.ClaimKind, "status", "claim status");
    }

    private static void Why(Reply answer)
    {
        var status = answer.Grounding.Status;
        if (status.Decision is { } decision)
        {
            var verb = decision.Outcome == "approve" ? "approved" : "denied";
            answer.Say(string.Create(CultureInfo.InvariantCulture,
                $"The claim was {verb} by {decision.DecidedBy}{(decision.Adjuster is null ? string.Empty : $" ({decision.Adjuster})")} on {decision.DecidedAt:yyyy-MM-dd}."));
            if (decision.Reasons.Count > 0)
            {
                answer.Say("Reasons: " + string.Join("; ", decision.Reasons.Select(r => r.TrimEnd('.'))) + ".");
            }

            var failed = decision.RulesApplied.Where(r => r.Result == "failed").Select(r => r.Detail ?? r.Description).ToList();
            if (failed.Count > 0)
            {
                answer.Say("Rules not met: " + string.Join("; ", failed.Select(r => r.TrimEnd('.'))) + ".");
            }

            answer.Say(string.Create(CultureInfo.InvariantCulture, $"Payable: {decision.PayableAmount:N2} {decision.Currency} of {decision.ClaimedAmount:N2} claimed."));
            answer.Use(AssistantSource.ClaimKind, "decision", "decision record");
        }
        else
        {
            var why = status.Detail ?? status.Reason;
            answer.Say($"The claim has no decision yet; it is {status.Status}{(why is null ? string.Empty : $": {Lower(why).TrimEnd('.')}")}.");
            answer.Use(AssistantSource.ClaimKind, "status", "claim status");
        }

        if (answer.Grounding.Events.LastOrDefault(e => e.Type is ClaimEventTypes.Pause or ClaimEventTypes.Complete or ClaimEventTypes.Timeout
            or ClaimEventTypes.Error or ClaimEventTypes.AdjusterAction) is { } last)
        {
            answer.Say($"The latest step on record: {last.Type} at {Format(last.Timestamp)}.");
            answer.Use(AssistantSource.ClaimKind, "events", "lifecycle events");
        }
    }

    private static void Deadline(Reply answer)
    {
        var status = answer.Grounding.Status;
        answer.Say(status.Deadline is { } deadline
            ? $"The deadline is {Format(deadline)}, while the claim waits for {AwaitingText(status.Awaiting ?? "nothing")}."
            : $"The claim has no open deadline (it is {status.Status}).");
        answer.Use(AssistantSource.ClaimKind, "deadline", "deadline");
    }

    private static void Overview(Reply answer)
    {
        Status(answer);
        if (answer.Grounding.Status.MissingDocuments.Count > 0)
        {
            Missing(answer);
        }

        if (answer.Grounding.Status.Decision is not null)
        {
            Why(answer);
        }
    }

    private static bool HasAny(string question, string[] words) => words.Any(w => question.Contains(w, StringComparison.Ordinal));

    private static string AwaitingText(string awaiting) => awaiting switch
    {
        "documents" => "documents from the customer",
        "review" => "an adjuster's review",
        "adjuster" => "an adjuster's next step",
        "retry" => "an adjuster to retry the failed step",
        _ => awaiting,
    };

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    internal static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An answer being written: paragraphs and the sources they used.</summary>
    private sealed class Reply(ClaimGrounding grounding)
    {
        public ClaimGrounding Grounding { get; } = grounding;

        public StringBuilder Text { get; } = new();

        public List<AssistantSource> Sources { get; } = [];

        public bool IsEmpty => Text.Length == 0;

        public void Say(string sentence) => Text.Append(sentence).Append(' ');

        public void Use(string kind, string id, string name) => Sources.Add(new AssistantSource(kind, id, name));
    }
}

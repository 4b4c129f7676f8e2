using System.Globalization;
using System.Text;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Assistant;

/// <summary>One prompt of the assistant: instructions, the claim's facts, the selected earlier turns and the question.</summary>
/// <param name="Instructions">What the assistant is and may do.</param>
/// <param name="Facts">The claim record, bounded (status, decision, events, agent messages, the most relevant documents).</param>
/// <param name="Context">The earlier messages selected for this question, oldest first.</param>
/// <param name="Question">The question.</param>
/// <param name="Documents">The documents the facts carry, most relevant first, with their relevance to the question.</param>
/// <param name="Sources">The claim facts and documents the prompt carries, as sources.</param>
public sealed record AssistantPrompt(
    string Instructions,
    string Facts,
    IReadOnlyList<ConversationMessage> Context,
    string Question,
    IReadOnlyList<RankedDocument> Documents,
    IReadOnlyList<AssistantSource> Sources)
{
    /// <summary>The most characters of one earlier message a prompt carries (its summary is used when it has one).</summary>
    public const int MaxContextMessageChars = 600;

    /// <summary>The text an earlier message contributes: its summary, else its text, bounded.</summary>
    public static string ContextTextOf(ConversationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = string.IsNullOrWhiteSpace(message.Summary) ? message.Content : message.Summary;
        return text.Length <= MaxContextMessageChars ? text : text[..(MaxContextMessageChars - 1)] + "…";
    }

    /// <summary>Gets the prompt's length in characters (instructions, facts, earlier messages as carried, question).</summary>
    public int Length => Instructions.Length + 2 + Facts.Length + Context.Sum(m => ContextTextOf(m).Length) + Question.Length;

    /// <summary>The prompt as chat messages: the instructions and facts as the system message, earlier turns, then the question.</summary>
    public ChatHistory ToChatHistory()
    {
        var history = new ChatHistory(Instructions + "\n\n" + Facts);
        foreach (var message in Context)
        {
            if (message.Role == ConversationMessage.AssistantRole)
            {
                history.AddAssistantMessage(ContextTextOf(message));
            }
            else
            {
                history.AddUserMessage(ContextTextOf(message));
            }
        }

        history.AddUserMessage(Question);
        return history;
    }

    /// <summary>The whole prompt as one text (what is sent, in order): for measuring and for tests.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var message in ToChatHistory())
        {
            text.Append(CultureInfo.InvariantCulture, $"[{message.Role.Label}] ").AppendLine(message.Content);
        }

        return text.ToString();
    }
}

/// <summary>A claim document with its relevance to the question.</summary>
/// <param name="Document">The document.</param>
/// <param name="Score">BM25 score of its name and text against the question (and the topic of the conversation).</param>
/// <param name="NameMatch">Whether the question names the document (its type or file name).</param>
public sealed record RankedDocument(GroundingDocument Document, double Score, bool NameMatch);

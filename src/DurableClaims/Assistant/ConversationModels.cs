using System.Text.RegularExpressions;

namespace DurableClaims.Assistant;

/// <summary>A conversation's metadata (<c>&lt;claimId&gt;/conversations/&lt;id&gt;.json</c>): what the list shows.</summary>
public sealed record ConversationInfo
{
    public required string Id { get; init; }

    public required string ClaimId { get; init; }

    /// <summary>Gets the conversation's title: the one given at creation, else the first question (shortened).</summary>
    public string? Title { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets how many messages (questions and answers) the conversation holds.</summary>
    public int MessageCount { get; init; }
}

/// <summary>One line of a conversation's <c>.jsonl</c>: a question (<c>user</c>) or an answer (<c>assistant</c>).</summary>
public sealed record ConversationMessage
{
    /// <summary>The role of a question.</summary>
    public const string UserRole = "user";

    /// <summary>The role of an answer.</summary>
    public const string AssistantRole = "assistant";

    public required string Id { get; init; }

    /// <summary>Gets <c>user</c> (a question) or <c>assistant</c> (an answer).</summary>
    public required string Role { get; init; }

    public required string Content { get; init; }

    /// <summary>Gets the turn's summary: what later prompts carry instead of the whole text.</summary>
    public string? Summary { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets the question an answer replies to.</summary>
    public string? ReplyTo { get; init; }

    /// <summary>Gets the sources an answer used (claim facts, documents, earlier messages); empty for questions.</summary>
    public IReadOnlyList<AssistantSource> Sources { get; init; } = [];

    /// <summary>Gets the document a turn was about (<c>type/filename</c>), so that a later "it" can refer to it.</summary>
    public string? Topic { get; init; }

    /// <summary>Gets the model that wrote an answer (<c>offline</c> or the configured model's name).</summary>
    public string? Model { get; init; }
}

/// <summary>A source an answer used.</summary>
/// <param name="Kind"><c>claim</c> (status, decision, deadline, events, history), <c>document</c> or <c>message</c>.</param>
/// <param name="Id">The fact's name, the document's <c>type/filename</c>, or the earlier message's id.</param>
/// <param name="Name">For people: the fact, the document's file name, or the message's role.</param>
public sealed record AssistantSource(string Kind, string Id, string Name)
{
    public const string ClaimKind = "claim";
    public const string DocumentKind = "document";
    public const string MessageKind = "message";
}

/// <summary>A conversation with its messages, oldest first (GET of one conversation).</summary>
public sealed record ConversationDetail
{
    public required string Id { get; init; }

    public required string ClaimId { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int MessageCount { get; init; }

    public IReadOnlyList<ConversationMessage> Messages { get; init; } = [];

    /// <summary>Combines metadata and messages.</summary>
    public static ConversationDetail From(ConversationInfo info, IReadOnlyList<ConversationMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new ConversationDetail
        {
            Id = info.Id,
            ClaimId = info.ClaimId,
            Title = info.Title,
            CreatedAt = info.CreatedAt,
            UpdatedAt = info.UpdatedAt,
            MessageCount = messages.Count,
            Messages = messages,
        };
    }
}

/// <summary>The body of a new conversation (optional).</summary>
/// <param name="Title">A title; the first question is used when none is given.</param>
public sealed record CreateConversationRequest(string? Title);

/// <summary>The body of a question.</summary>
/// <param name="Question">The question, at most <see cref="AssistantOptions.MaxQuestionChars"/> characters.</param>
public sealed record AskRequest(string? Question);

/// <summary>What the <c>done</c> event carries once the answer is stored.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="QuestionId">The stored question's message id.</param>
/// <param name="MessageId">The stored answer's message id.</param>
/// <param name="Sources">The sources the answer used.</param>
public sealed record AnswerDone(string ConversationId, string QuestionId, string MessageId, IReadOnlyList<AssistantSource> Sources);

/// <summary>Conversation and message ids: <c>cnv-</c> or <c>msg-</c> and 20 lowercase hex digits.</summary>
public static partial class ConversationIds
{
    /// <summary>A new conversation id.</summary>
    public static string NewConversation() => "cnv-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>A new message id.</summary>
    public static string NewMessage() => "msg-" + Guid.NewGuid().ToString("N")[..20];

    /// <summary>Returns whether <paramref name="id"/> has the form of a conversation id (anything else is unknown: 404).</summary>
    public static bool IsConversation(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^cnv-[0-9a-f]{20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

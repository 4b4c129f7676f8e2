using DurableClaims.Api;

namespace DurableClaims.Assistant;

/// <summary>The assistant's HTTP routes (the templates of <see cref="ApiRoutes"/>, relative to its prefix, on both hosts) and their operation names.</summary>
public static class AssistantRoutes
{
    /// <summary>A claim's conversations: POST creates one, GET lists them.</summary>
    public const string Conversations = ApiRoutes.ClaimConversations;

    /// <summary>One conversation: GET reads it with its messages, DELETE removes it.</summary>
    public const string Conversation = ApiRoutes.ClaimConversation;

    /// <summary>POST asks a question; the answer streams back as server-sent events.</summary>
    public const string Messages = ApiRoutes.ClaimConversationMessages;

    public const string CreateConversationName = "CreateConversation";
    public const string ListConversationsName = "ListConversations";
    public const string GetConversationName = "GetConversation";
    public const string DeleteConversationName = "DeleteConversation";
    public const string AskName = "AskAssistant";

    /// <summary>The absolute path of one conversation, e.g. <c>/api/claims/C-1/conversations/cnv-…</c>.</summary>
    public static string ConversationPath(string claimId, string conversationId)
        => ApiRoutes.AppPath(Conversation, claimId).Replace("{conversationId}", Uri.EscapeDataString(conversationId), StringComparison.Ordinal);
}

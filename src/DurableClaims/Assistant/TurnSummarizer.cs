using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Assistant;

/// <summary>Writes the one-line summary of a turn that later prompts carry instead of its whole text.</summary>
public interface ITurnSummarizer
{
    /// <summary>Summarises a question (<c>user</c>) or an answer (<c>assistant</c>).</summary>
    Task<string> SummarizeAsync(string role, string content, CancellationToken cancellationToken);
}

/// <summary>The offline summariser: the text on one line, cut after its first sentences at a fixed length.</summary>
public sealed class DeterministicSummarizer : ITurnSummarizer
{
    /// <summary>The longest summary, in characters.</summary>
    public const int MaxLength = 280;

    public Task<string> SummarizeAsync(string role, string content, CancellationToken cancellationToken)
        => Task.FromResult(Summarize(role, content));

    /// <summary>The summary of <paramref name="content"/>: questions whole when short, answers to the end of the sentence that passes 120 characters.</summary>
    public static string Summarize(string role, string content)
    {
        var line = string.Join(' ', (content ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (role != ConversationMessage.AssistantRole)
        {
            return Cut(line);
        }

        var end = 0;
        while (end < line.Length && end < 120)
        {
            var next = line.IndexOfAny(['.', '!', '?'], end);
            if (next < 0)
            {
                end = line.Length;
                break;
            }

            end = next + 1;
        }

        return Cut(line[..Math.Max(end, Math.Min(line.Length, 1))]);
    }

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}

/// <summary>Summaries written by the configured chat model (<c>DURABLECLAIMS_ASSISTANT_SUMMARIZE_LLM</c>); the deterministic one when the call fails.</summary>
public sealed partial class ModelSummarizer(IChatCompletionService model, ILogger<ModelSummarizer> logger) : ITurnSummarizer
{
    public async Task<string> SummarizeAsync(string role, string content, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(
            "Summarise the following " + (role == ConversationMessage.AssistantRole ? "answer of a claims assistant" : "question about an insurance claim")
            + " in one sentence of at most 40 words. Keep names, amounts, dates and document names. Reply with the sentence only.");
        history.AddUserMessage(content);
        try
        {
            var reply = await model.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
            return string.IsNullOrWhiteSpace(reply.Content) ? DeterministicSummarizer.Summarize(role, content) : DeterministicSummarizer.Summarize(ConversationMessage.UserRole, reply.Content);
        }
        catch (Exception ex) when (ex is HttpOperationException or HttpRequestException or System.ClientModel.ClientResultException
            || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.SummaryFailed(logger, ex);
            return DeterministicSummarizer.Summarize(role, content);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4704, Level = LogLevel.Warning, Message = "The model could not summarise a turn; the deterministic summary is stored instead")]
        public static partial void SummaryFailed(ILogger logger, Exception exception);
    }
}

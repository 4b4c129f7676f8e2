using System.Text;
using System.Threading.Channels;
using DurableClaims.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Assistant;

/// <summary>The claim assistant without HTTP: conversations tied to a claim, and questions answered from the claim's record, streamed.</summary>
/// <remarks>
/// Hosts pass the claims API they serve (<see cref="ClaimsApiService"/>: the local host's, or the Functions invocation's);
/// the assistant uses it to find the claim and read its status, never to change it. A question is stored before its
/// answer starts; the answer is written by <see cref="AssistantTurns"/> apart from the request and stored before the
/// answer's <c>done</c> is reported, so a client that leaves finds it in the history.
/// </remarks>
public sealed partial class ClaimAssistantService(
    ConversationStore store,
    ClaimGroundingReader grounding,
    IAssistantModel model,
    ITurnSummarizer summarizer,
    IRelevanceRanker ranker,
    AssistantTurns turns,
    IOptions<AssistantOptions> options,
    TimeProvider time,
    ILogger<ClaimAssistantService> logger)
{
    /// <summary>The longest conversation title.</summary>
    public const int MaxTitleChars = 200;

    private readonly AssistantOptions _options = options.Value;

    /// <summary>Gets the assistant's settings.</summary>
    public AssistantOptions Options => _options;

    /// <summary>Creates a conversation about a claim: 404 for an unknown claim, 400 for a title that is too long.</summary>
    public async Task<ApiResult<ConversationInfo>> CreateAsync(ClaimsApiService api, string claimId, string? title, CancellationToken cancellationToken = default)
    {
        var claim = await ClaimGroundingReader.FindClaimAsync(api, claimId, cancellationToken);
        if (!claim.IsSuccess)
        {
            return claim.Cast<ConversationInfo>();
        }

        if (title is { Length: > MaxTitleChars })
        {
            return ApiResult.Invalid<ConversationInfo>("title", $"At most {MaxTitleChars} characters (was {title.Length}).");
        }

        var now = time.GetUtcNow();
        var info = new ConversationInfo
        {
            Id = ConversationIds.NewConversation(),
            ClaimId = claimId,
            Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await store.CreateAsync(info, cancellationToken);
        Log.ConversationCreated(logger, info.Id, claimId);
        return ApiResult.Ok(info);
    }

    /// <summary>Lists a claim's conversations, most recently updated first.</summary>
    public async Task<ApiResult<IReadOnlyList<ConversationInfo>>> ListAsync(ClaimsApiService api, string claimId, CancellationToken cancellationToken = default)
    {
        var claim = await ClaimGroundingReader.FindClaimAsync(api, claimId, cancellationToken);
        return claim.IsSuccess ? ApiResult.Ok(await store.ListAsync(claimId, cancellationToken)) : claim.Cast<IReadOnlyList<ConversationInfo>>();
    }

    /// <summary>Reads a conversation with its messages, oldest first.</summary>
    public async Task<ApiResult<ConversationDetail>> GetAsync(ClaimsApiService api, string claimId, string conversationId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(api, claimId, conversationId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Cast<ConversationDetail>();
        }

        return ApiResult.Ok(ConversationDetail.From(found.Value!, await store.GetMessagesAsync(claimId, conversationId, cancellationToken)));
    }

    /// <summary>Deletes a conversation and its messages.</summary>
    public async Task<ApiResult<ConversationInfo>> DeleteAsync(ClaimsApiService api, string claimId, string conversationId, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(api, claimId, conversationId, cancellationToken);
        if (!found.IsSuccess)
        {
            return found;
        }

        return await store.DeleteAsync(claimId, conversationId, cancellationToken) ? found : UnknownConversation<ConversationInfo>(claimId, conversationId);
    }

    /// <summary>Stores the question and starts its answer: 404 for an unknown claim or conversation, 400 for an empty or too long question.</summary>
    /// <remarks><paramref name="cancellationToken"/> covers the checks and storing the question; the answer runs on regardless.</remarks>
    public async Task<ApiResult<AssistantAnswer>> AskAsync(
        ClaimsApiService api, string claimId, string conversationId, string? question, CancellationToken cancellationToken = default)
    {
        var claim = await grounding.ReadAsync(api, claimId, cancellationToken);
        if (!claim.IsSuccess)
        {
            return claim.Cast<AssistantAnswer>();
        }

        if (!ConversationIds.IsConversation(conversationId) || await store.GetAsync(claimId, conversationId, cancellationToken) is null)
        {
            return UnknownConversation<AssistantAnswer>(claimId, conversationId);
        }

        if (string.IsNullOrWhiteSpace(question))
        {
            return ApiResult.Invalid<AssistantAnswer>("question", "Required: the question to ask.");
        }

        if (question.Length > _options.MaxQuestionChars)
        {
            return ApiResult.Invalid<AssistantAnswer>("question", $"At most {_options.MaxQuestionChars} characters (was {question.Length}).");
        }

        var history = await store.GetMessagesAsync(claimId, conversationId, cancellationToken);
        var asked = new ConversationMessage
        {
            Id = ConversationIds.NewMessage(),
            Role = ConversationMessage.UserRole,
            Content = question,
            Summary = DeterministicSummarizer.Summarize(ConversationMessage.UserRole, question),
            CreatedAt = time.GetUtcNow(),
        };
        if (!await store.AppendAsync(claimId, conversationId, asked, cancellationToken))
        {
            return UnknownConversation<AssistantAnswer>(claimId, conversationId);
        }

        var chunks = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var done = new TaskCompletionSource<AnswerDone>(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = new Turn(claim.Value!, conversationId, asked, history, chunks.Writer, done);
        _ = turns.Start(stopping => AnswerAsync(turn, stopping));
        return ApiResult.Ok(new AssistantAnswer(conversationId, asked.Id, chunks.Reader, done.Task));
    }

    /// <summary>The prompt a question gets in a conversation with <paramref name="history"/>: the selected earlier messages and the claim's facts.</summary>
    public async Task<AssistantPrompt> BuildPromptAsync(ClaimGrounding claim, IReadOnlyList<ConversationMessage> history, string question, CancellationToken cancellationToken = default)
    {
        var context = await ContextSelector.SelectAsync(history, question, _options.MaxContextMessages, ranker, cancellationToken);
        return PromptBuilder.Build(claim, context, question, _options);
    }

    private async Task AnswerAsync(Turn turn, CancellationToken stopping)
    {
        var claimId = turn.Claim.ClaimId;
        try
        {
            var prompt = await BuildPromptAsync(turn.Claim, turn.History, turn.Question.Content, stopping);
            var text = new StringBuilder();
            var use = await model.AnswerAsync(prompt, turn.Claim, (chunk, _) =>
            {
                text.Append(chunk);
                turn.Chunks.TryWrite(chunk);
                return ValueTask.CompletedTask;
            }, stopping);

            var content = text.ToString();
            var answer = new ConversationMessage
            {
                Id = ConversationIds.NewMessage(),
                Role = ConversationMessage.AssistantRole,
                Content = content,
                Summary = await summarizer.SummarizeAsync(ConversationMessage.AssistantRole, content, stopping),
                CreatedAt = time.GetUtcNow(),
                ReplyTo = turn.Question.Id,
                Sources = use.Sources,
                Topic = use.Topic,
                Model = model.Name,
            };
            if (!await store.AppendAsync(claimId, turn.ConversationId, answer, stopping))
            {
                throw new InvalidOperationException($"Conversation '{turn.ConversationId}' was deleted while its answer was written.");
            }

            var promptChars = prompt.Length;
            Log.Answered(logger, answer.Id, turn.ConversationId, claimId, promptChars, prompt.Context.Count);
            turn.Done.SetResult(new AnswerDone(turn.ConversationId, turn.Question.Id, answer.Id, use.Sources));
        }
        catch (Exception ex)
        {
            Log.AnswerFailed(logger, ex, turn.ConversationId, claimId);
            turn.Done.SetException(ex);
        }
        finally
        {
            turn.Chunks.TryComplete();
        }
    }

    private async Task<ApiResult<ConversationInfo>> FindAsync(ClaimsApiService api, string claimId, string conversationId, CancellationToken cancellationToken)
    {
        var claim = await ClaimGroundingReader.FindClaimAsync(api, claimId, cancellationToken);
        if (!claim.IsSuccess)
        {
            return claim.Cast<ConversationInfo>();
        }

        return ConversationIds.IsConversation(conversationId) && await store.GetAsync(claimId, conversationId, cancellationToken) is { } info
            ? ApiResult.Ok(info)
            : UnknownConversation<ConversationInfo>(claimId, conversationId);
    }

    private static ApiResult<T> UnknownConversation<T>(string claimId, string conversationId)
        => ApiResult.NotFound<T>($"Claim '{claimId}' has no conversation '{conversationId}'.");

    private sealed record Turn(
        ClaimGrounding Claim, string ConversationId, ConversationMessage Question, IReadOnlyList<ConversationMessage> History,
        ChannelWriter<string> Chunks, TaskCompletionSource<AnswerDone> Done);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4706, Level = LogLevel.Information, Message = "Conversation {ConversationId} created for claim {ClaimId}")]
        public static partial void ConversationCreated(ILogger logger, string conversationId, string claimId);

        [LoggerMessage(EventId = 4707, Level = LogLevel.Information,
            Message = "Answer {MessageId} stored in conversation {ConversationId} of claim {ClaimId} (prompt {PromptChars} characters, {ContextMessages} earlier messages)")]
        public static partial void Answered(ILogger logger, string messageId, string conversationId, string claimId, int promptChars, int contextMessages);

        [LoggerMessage(EventId = 4708, Level = LogLevel.Error, Message = "The assistant could not answer in conversation {ConversationId} of claim {ClaimId}")]
        public static partial void AnswerFailed(ILogger logger, Exception exception, string conversationId, string claimId);
    }
}

/// <summary>An answer being written: its chunks as they come, then what was stored.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="QuestionId">The stored question's id.</param>
/// <param name="Chunks">The answer's text in chunks; completes when the answer is written (or failed).</param>
/// <param name="Completion">The stored answer's ids and sources; faults when the answer could not be written or stored.</param>
public sealed record AssistantAnswer(string ConversationId, string QuestionId, ChannelReader<string> Chunks, Task<AnswerDone> Completion);

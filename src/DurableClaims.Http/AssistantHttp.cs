using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Contracts;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Http;

/// <summary>The assistant's routes for both hosts: conversations of a claim (create, list, read, delete) and questions answered as server-sent events.</summary>
/// <remarks>
/// A question's answer streams as <c>event: question</c> (the stored question's id), <c>event: chunk</c> (text), then
/// <c>event: done</c> (the stored answer's id and its sources) or <c>event: error</c>. The answer is written apart from
/// the request: a client that leaves stops only its own stream, and finds the answer in the conversation afterwards.
/// </remarks>
public static class AssistantHttp
{
    /// <summary>The largest request body of the assistant's routes (a question is at most <see cref="AssistantOptions.MaxQuestionChars"/> characters).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <summary>POST …/conversations: 201 with the conversation and its Location; the body (<c>{"title": …}</c>) is optional.</summary>
    public static async Task<IResult> CreateAsync(string claimId, HttpRequest request, ClaimAssistantService assistant, ClaimsApiService api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(assistant);
        CreateConversationRequest? body = null;
        if (request.ContentLength > 0 || request.Headers.ContentType.Count > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var read = await ReadJsonAsync<CreateConversationRequest>(request, cancellationToken);
            if (!read.IsSuccess)
            {
                return read.ToHttp();
            }

            body = read.Value;
        }

        var created = await assistant.CreateAsync(api, claimId, body?.Title, cancellationToken);
        if (!created.IsSuccess)
        {
            return created.ToHttp();
        }

        StorageHealth.ReportWriteSucceeded(request);
        return TypedResults.Created(AssistantRoutes.ConversationPath(claimId, created.Value!.Id), created.Value);
    }

    /// <summary>GET …/conversations: the claim's conversations, most recently updated first.</summary>
    public static async Task<IResult> ListAsync(string claimId, ClaimAssistantService assistant, ClaimsApiService api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        return (await assistant.ListAsync(api, claimId, cancellationToken)).ToHttp();
    }

    /// <summary>GET …/conversations/{conversationId}: the conversation with its messages, oldest first.</summary>
    public static async Task<IResult> GetAsync(string claimId, string conversationId, ClaimAssistantService assistant, ClaimsApiService api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        return (await assistant.GetAsync(api, claimId, conversationId, cancellationToken)).ToHttp();
    }

    /// <summary>DELETE …/conversations/{conversationId}: 204 once removed.</summary>
    public static async Task<IResult> DeleteAsync(string claimId, string conversationId, ClaimAssistantService assistant, ClaimsApiService api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assistant);
        var deleted = await assistant.DeleteAsync(api, claimId, conversationId, cancellationToken);
        return deleted.IsSuccess ? TypedResults.NoContent() : deleted.ToHttp();
    }

    /// <summary>POST …/conversations/{conversationId}/messages with <c>{"question": …}</c>: the answer as <c>text/event-stream</c>, or problem details.</summary>
    public static async Task<IResult> AskAsync(
        string claimId, string conversationId, HttpRequest request, ClaimAssistantService assistant, ClaimsApiService api, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(assistant);
        var body = await ReadJsonAsync<AskRequest>(request, cancellationToken);
        if (!body.IsSuccess)
        {
            return body.ToHttp();
        }

        var answer = await assistant.AskAsync(api, claimId, conversationId, body.Value!.Question, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.ToHttp();
        }

        StorageHealth.ReportWriteSucceeded(request);
        return new AnswerStream(answer.Value!);
    }

    /// <summary>Reads a bounded JSON object: 415 for other content types, 413 over <see cref="MaxBodyBytes"/>, 400 for JSON that does not parse.</summary>
    private static async Task<ApiResult<T>> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return ApiResult.Unsupported<T>($"Content type '{request.ContentType}' is not supported; send application/json.");
        }

        var text = await RequestBody.ReadTextAsync(request, MaxBodyBytes, $"The request is larger than {MaxBodyBytes} bytes.", cancellationToken);
        if (!text.IsSuccess)
        {
            return text.Cast<T>();
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text.Value!, RequestJson) is { } value
                ? ApiResult.Ok(value)
                : ApiResult.Invalid<T>("$", "The body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            return ApiResult.Invalid<T>("$", $"The body is not valid JSON: {ex.Message}");
        }
    }

    /// <summary>Writes one answer as server-sent events; stops writing (only) when the client leaves.</summary>
    private sealed class AnswerStream(AssistantAnswer answer) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var token = httpContext.RequestAborted;
            try
            {
                // A one-off stream: no reconnection delay, no heartbeat (an answer takes seconds, not minutes).
                var events = await ServerSentEvents.OpenAsync(httpContext, TimeProvider.System, Timeout.InfiniteTimeSpan, null, token);
                await SendAsync(events, "question", new { answer.ConversationId, MessageId = answer.QuestionId }, token);
                await foreach (var chunk in answer.Chunks.ReadAllAsync(token))
                {
                    await SendAsync(events, "chunk", new { Text = chunk }, token);
                }

                AnswerDone done;
                try
                {
                    done = await answer.Completion.WaitAsync(token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var status = ex is StorageFullException ? StatusCodes.Status507InsufficientStorage : StatusCodes.Status500InternalServerError;
                    await SendAsync(events, "error", new
                    {
                        Title = "The assistant could not answer",
                        Detail = "The question is stored; the answer could not be written or stored (the server's log says why). Ask again.",
                        Status = status,
                    }, token);
                    return;
                }

                await SendAsync(events, "done", done, token);
            }
            catch (Exception ex) when ((ex is OperationCanceledException && token.IsCancellationRequested) || ex is IOException)
            {
                // The client left: the answer is still written and stored by the assistant.
            }
        }

        private static Task SendAsync<T>(ServerSentEvents events, string name, T data, CancellationToken cancellationToken)
            => events.SendAsync(name, JsonSerializer.Serialize(data, ClaimsJson.Options), cancellationToken);
    }
}

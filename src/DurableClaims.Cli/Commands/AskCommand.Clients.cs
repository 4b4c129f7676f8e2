using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Cli.Commands;

/// <summary>The assistant as <c>ask</c> reaches it: in-process on the data directory, or a running host's routes.</summary>
internal static partial class AskCommand
{
    /// <summary>Conversations and questions, embedded or over HTTP.</summary>
    private interface IAssistantClient : IAsyncDisposable
    {
        Task<ApiResult<ConversationInfo>> CreateAsync(string claimId, CancellationToken cancellationToken);

        /// <summary>Asks; <paramref name="onChunk"/> gets the answer's text as it comes; the result is what was stored.</summary>
        Task<ApiResult<AnswerDone>> AskAsync(string claimId, string conversationId, string question, Action<string> onChunk, CancellationToken cancellationToken);
    }

    /// <summary>The embedded engine on the data directory (the same composition as the other commands), calling <see cref="ClaimAssistantService"/> in-process.</summary>
    private sealed class EmbeddedAssistantClient(IHost host) : IAssistantClient
    {
        private readonly ClaimAssistantService _assistant = host.Services.GetRequiredService<ClaimAssistantService>();
        private readonly ClaimsApiService _api = host.Services.GetRequiredService<ClaimsApiService>();

        public static async Task<EmbeddedAssistantClient> StartAsync(CliSettings settings, Action<ILoggingBuilder> configureLogging, CancellationToken cancellationToken)
        {
            var host = await EmbeddedHost.StartAsync(settings, configureLogging, cancellationToken);
            return new EmbeddedAssistantClient(host);
        }

        public Task<ApiResult<ConversationInfo>> CreateAsync(string claimId, CancellationToken cancellationToken)
            => _assistant.CreateAsync(_api, claimId, null, cancellationToken);

        public async Task<ApiResult<AnswerDone>> AskAsync(string claimId, string conversationId, string question, Action<string> onChunk, CancellationToken cancellationToken)
        {
            var answer = await _assistant.AskAsync(_api, claimId, conversationId, question, cancellationToken);
            if (!answer.IsSuccess)
            {
                return answer.Cast<AnswerDone>();
            }

            await foreach (var chunk in answer.Value!.Chunks.ReadAllAsync(cancellationToken))
            {
                onChunk(chunk);
            }

            return ApiResult.Ok(await answer.Value.Completion.WaitAsync(cancellationToken));
        }

        // Stopping the host waits for an answer still being stored (AssistantTurns), then releases the task hub.
        public async ValueTask DisposeAsync()
        {
            try
            {
                await host.StopAsync(CancellationToken.None);
            }
            finally
            {
                host.Dispose();
            }
        }
    }

    /// <summary>A running host's assistant routes; the answer is read from its <c>text/event-stream</c>.</summary>
    private sealed class HttpAssistantClient : IAssistantClient
    {
        private readonly HttpClient _http;

        public HttpAssistantClient(Uri server, string? functionsKey)
        {
            // No client-side timeout on the stream: the server bounds the answer; Ctrl+C ends the wait.
            _http = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
            if (functionsKey is not null)
            {
                _http.DefaultRequestHeaders.Add(FunctionKeys.Header, functionsKey);
            }
        }

        public async Task<ApiResult<ConversationInfo>> CreateAsync(string claimId, CancellationToken cancellationToken)
        {
            using var response = await _http.PostAsync(ApiRoutes.AppPath(AssistantRoutes.Conversations, claimId), null, cancellationToken);
            return await HttpResults.ReadAsync<ConversationInfo>(response, cancellationToken);
        }

        public async Task<ApiResult<AnswerDone>> AskAsync(string claimId, string conversationId, string question, Action<string> onChunk, CancellationToken cancellationToken)
        {
            var path = ApiRoutes.AppPath(AssistantRoutes.Messages, claimId).Replace("{conversationId}", Uri.EscapeDataString(conversationId), StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new AskRequest(question)) };
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await HttpResults.ReadAsync<AnswerDone>(response, cancellationToken);
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken), Encoding.UTF8);
            string? name = null;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                    continue;
                }

                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                using var data = JsonDocument.Parse(line[5..]);
                switch (name)
                {
                    case "chunk":
                        onChunk(data.RootElement.GetProperty("text").GetString() ?? string.Empty);
                        break;
                    case "done":
                        return ApiResult.Ok(data.RootElement.Deserialize<AnswerDone>(CliJson.Options)!);
                    case "error":
                        throw new InvalidOperationException(data.RootElement.GetProperty("detail").GetString());
                }
            }

            throw new InvalidOperationException("The server ended the answer before it was stored; look at the conversation with the console or the API.");
        }

        public ValueTask DisposeAsync()
        {
            _http.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

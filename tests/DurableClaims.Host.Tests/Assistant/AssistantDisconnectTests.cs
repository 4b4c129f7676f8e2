using System.Text.Json;
using DurableClaims.Assistant;
using DurableClaims.Host.Tests.Apis;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static DurableClaims.Host.Tests.Assistant.AssistantCalls;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>A client that leaves in the middle of an answer finds the whole answer in the conversation afterwards.</summary>
public sealed class AssistantDisconnectTests : IAsyncLifetime
{
    private readonly GatedModel _model = new();
    private readonly AbortObserver _aborts = new();
    private KestrelClaimsHost _host = null!;

    public async Task InitializeAsync() => _host = await KestrelClaimsHost.StartAsync(new TestHostOptions
    {
        ConfigureServices = services => services.AddSingleton<IAssistantModel>(_model).AddSingleton<IStartupFilter>(_aborts),
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Ask_ClientLeavesMidAnswer_ShouldStoreTheFinishedAnswer()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);
        using (var client = _host.CreateClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Messages(claimId, conversationId)) { Content = Question("What is the status?") };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
            await reader.WaitForAsync(e => e.Name == "chunk", TimeSpan.FromSeconds(30));
        }

        // The server has seen the client go before the model writes the rest: an answer tied to the request would stop here.
        await _aborts.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _model.Gate.SetResult();

        var answer = await WaitForAnswerAsync(claimId, conversationId);
        Assert.Equal(GatedModel.First + GatedModel.Rest, answer.Text("content"));
    }

    private async Task<JsonElement> WaitForAnswerAsync(string claimId, string conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var messages = (await GetAsync(_host.Client, claimId, conversationId)).GetProperty("messages");
            if (messages.GetArrayLength() == 2)
            {
                return messages[1].Clone();
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The answer was not stored.");
    }

    /// <summary>Writes its first chunk, then waits for the test before writing the rest.</summary>
    private sealed class GatedModel : IAssistantModel
    {
        public const string First = "The claim is paused. ";
        public const string Rest = "It waits for the receipts.";

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "gated";

        public async Task<AnswerUse> AnswerAsync(AssistantPrompt prompt, ClaimGrounding grounding, Func<string, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
        {
            await write(First, cancellationToken);
            await Gate.Task.WaitAsync(cancellationToken);
            await write(Rest, cancellationToken);
            return new AnswerUse([new AssistantSource(AssistantSource.ClaimKind, "status", "claim status")], null);
        }
    }

    /// <summary>Tells when a question's request was aborted by its client (what the server sees of a disconnect).</summary>
    private sealed class AbortObserver : IStartupFilter
    {
        public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path.Value?.EndsWith("/messages", StringComparison.Ordinal) == true)
                {
                    context.RequestAborted.Register(() => Aborted.TrySetResult());
                }

                await nextMiddleware(context);
            });
            next(app);
        };
    }
}

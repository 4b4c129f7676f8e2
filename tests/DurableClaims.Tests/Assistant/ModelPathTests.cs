using DurableClaims.Assistant;
using DurableClaims.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static DurableClaims.Tests.Assistant.AssistantTestClaims;

namespace DurableClaims.Tests.Assistant;

/// <summary>The real model path (Semantic Kernel over an OpenAI-compatible endpoint) against a scripted endpoint on loopback.</summary>
public sealed class ModelPathTests : IDisposable
{
    private static readonly string[] Pieces = ["The claim ", "waits for ", "the repair estimate."];
    private readonly ScriptedOpenAIEndpoint _endpoint = new(Pieces);

    public void Dispose() => _endpoint.Dispose();

    private ServiceProvider Build(bool embeddings = false, bool summarize = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_endpoint.Settings(embeddings, summarize)).Build();
        return new ServiceCollection().AddLogging().AddDurableClaims(configuration).AddClaimAssistant(configuration).BuildServiceProvider();
    }

    [Fact]
    public async Task AnswerAsync_ConfiguredModel_ShouldPassTheFirstChunkOnBeforeTheModelHasFinished()
    {
        using var services = Build();
        var model = services.GetRequiredService<IAssistantModel>();
        var received = new List<string>();

        // The endpoint holds the rest of the answer until the first chunk has reached us: only a real stream gets past that.
        await model.AnswerAsync(Prompt(Paused(), "What is missing?"), Paused(), (chunk, _) =>
        {
            received.Add(chunk);
            if (received.Count == 1)
            {
                _endpoint.ReleaseRest();
            }

            return ValueTask.CompletedTask;
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(Pieces, received);
    }

    [Fact]
    public async Task AnswerAsync_ConfiguredModel_ShouldSendTheClaimFactsAndQuestionInAStreamedRequest()
    {
        using var services = Build();
        _endpoint.ReleaseRest();

        await services.GetRequiredService<IAssistantModel>().AnswerAsync(
            Prompt(Paused(), "What is missing?"), Paused(), (_, _) => ValueTask.CompletedTask, CancellationToken.None);

        var (path, body) = Assert.Single(_endpoint.Requests);
        Assert.Equal(("/v1/chat/completions", true, "gpt-scripted"), (path, body["stream"]!.GetValue<bool>(), body["model"]!.GetValue<string>()));
        var messages = body["messages"]!.AsArray();
        Assert.Contains("CLAIM CLM-ASK-1: status paused", messages[0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("What is missing?", messages[^1]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task SummarizeAsync_SummarizeLlmOn_ShouldStoreTheModelsSummary()
    {
        using var services = Build(summarize: true);

        var summary = await services.GetRequiredService<ITurnSummarizer>().SummarizeAsync("assistant", "A long answer about the claim.", CancellationToken.None);

        Assert.Equal(_endpoint.Summary, summary);
    }

    [Fact]
    public async Task SummarizeAsync_SummarizeLlmOff_ShouldNotCallTheModel()
    {
        using var services = Build(summarize: false);

        await services.GetRequiredService<ITurnSummarizer>().SummarizeAsync("assistant", "A long answer. About the claim.", CancellationToken.None);

        Assert.Empty(_endpoint.Requests);
    }

    [Fact]
    public async Task SelectAsync_EmbeddingsOn_ShouldPickTheMessageClosestInMeaningFromTheEndpoint()
    {
        using var services = Build(embeddings: true);
        var ranker = services.GetRequiredService<IRelevanceRanker>();
        var history = Enumerable.Range(0, 40)
            .Select(i => Turn(i % 2 == 0 ? "user" : "assistant", i == 11 ? "The tow company sent its invoice." : $"The paint and the weather, turn {i}.", minute: i))
            .ToList();

        var context = await ContextSelector.SelectAsync(history, "Which tow invoice?", 3, ranker, CancellationToken.None);

        Assert.Equal("embeddings", ranker.Name);
        Assert.Contains(context, m => m.Id == history[11].Id);
        Assert.Contains(_endpoint.Requests, r => r.Path == "/v1/embeddings" && r.Body["model"]!.GetValue<string>() == "embed-scripted");
    }

    [Fact]
    public void Ranker_EmbeddingsOff_ShouldBeBm25()
    {
        using var services = Build(embeddings: false);

        Assert.Equal("bm25", services.GetRequiredService<IRelevanceRanker>().Name);
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using DurableClaims.Agents;
using DurableClaims.Configuration;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Embeddings;

namespace DurableClaims.Assistant;

/// <summary>Scores texts by how relevant they are to a question: which earlier messages a prompt carries.</summary>
public interface IRelevanceRanker
{
    /// <summary>Gets the ranker's name for logs and tests (<c>bm25</c> or <c>embeddings</c>).</summary>
    string Name { get; }

    /// <summary>Returns one score per text; higher is more relevant, 0 or less is unrelated.</summary>
    Task<double[]> ScoreAsync(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>Lexical relevance (<see cref="Bm25"/>): the offline ranker, and the fallback when embeddings fail.</summary>
public sealed class Bm25Ranker : IRelevanceRanker
{
    public string Name => "bm25";

    public Task<double[]> ScoreAsync(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken)
        => Task.FromResult(Bm25.Score(query, texts));
}

/// <summary>Cosine similarity of embeddings from the configured OpenAI-compatible endpoint's <c>/embeddings</c>; BM25 when the call fails.</summary>
/// <remarks>Embeddings of texts already seen are kept in memory (by content hash), so a long conversation is embedded once, not on every question.</remarks>
public sealed partial class EmbeddingRanker : IRelevanceRanker
{
    private const int MaxCached = 20_000;
    private const int BatchSize = 256;
    private readonly EmbeddingClient _client;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates the ranker on an embedding client.</summary>
    public EmbeddingRanker(EmbeddingClient client, ILogger<EmbeddingRanker> logger)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public string Name => "embeddings";

    /// <summary>Creates the embedding client the way the agents' chat client is made: the same endpoint, key or identity, and HTTP client.</summary>
    internal static EmbeddingClient CreateClient(ModelOptions model, string embeddingModel, HttpClient http, TokenCredential? credential)
    {
        OpenAIClient client;
        if (model.UsesTokenCredential)
        {
            client = OpenAIClientFactory.CreateWithBearerToken(model.Endpoint!, credential ?? AzureCredentials.Get(model.Credential, model.ClientId), http, model.Timeout);
        }
        else
        {
            var options = new OpenAIClientOptions { Transport = new HttpClientPipelineTransport(http), NetworkTimeout = model.Timeout };
            if (model.Endpoint is not null)
            {
                options.Endpoint = model.Endpoint;
            }

            client = new OpenAIClient(new ApiKeyCredential(model.ApiKey ?? "unused"), options);
        }

        return client.GetEmbeddingClient(embeddingModel);
    }

    public async Task<double[]> ScoreAsync(string query, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        try
        {
            var vectors = await EmbedAsync([query, .. texts], cancellationToken);
            return [.. vectors.Skip(1).Select(v => (double)TensorPrimitives.CosineSimilarity(vectors[0], v))];
        }
        catch (Exception ex) when (ex is ClientResultException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.EmbeddingsFailed(_logger, ex);
            return Bm25.Score(query, texts);
        }
    }

    private async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var keys = texts.Select(KeyOf).ToArray();
        var missing = Enumerable.Range(0, texts.Count).Where(i => !_cache.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToList();
        foreach (var batch in missing.Chunk(BatchSize))
        {
            // An empty input is refused by the endpoint: a blank message is embedded as one space.
            var inputs = batch.Select(i => string.IsNullOrWhiteSpace(texts[i]) ? " " : texts[i]).ToList();
            var result = await _client.GenerateEmbeddingsAsync(inputs, cancellationToken: cancellationToken);
            if (_cache.Count + batch.Length > MaxCached)
            {
                _cache.Clear();
            }

            foreach (var embedding in result.Value)
            {
                _cache[keys[batch[embedding.Index]]] = embedding.ToFloats().ToArray();
            }
        }

        return [.. keys.Select(k => _cache.TryGetValue(k, out var v) ? v : throw new InvalidOperationException("The endpoint returned fewer embeddings than inputs."))];
    }

    private static string KeyOf(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4703, Level = LogLevel.Warning, Message = "Embeddings could not be computed; earlier messages are ranked by BM25 for this question")]
        public static partial void EmbeddingsFailed(ILogger logger, Exception exception);
    }
}

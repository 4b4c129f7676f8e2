using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DurableClaims.Tests.Assistant;

/// <summary>An OpenAI-compatible endpoint on 127.0.0.1 (HttpListener, free port) with scripted answers: <c>/v1/chat/completions</c> (streamed as SSE chunks when asked, else one completion) and <c>/v1/embeddings</c>.</summary>
/// <remarks>
/// A streamed answer stops after its first chunk until <see cref="ReleaseRest"/> is called, so a test can show that the
/// first chunk reached the caller while the model was still "writing". Embeddings are counts of a few keywords, so that
/// similarity is predictable.
/// </remarks>
public sealed class ScriptedOpenAIEndpoint : IDisposable
{
    /// <summary>The words each embedding counts (one dimension each, plus a constant one).</summary>
    public static readonly string[] EmbeddingWords = ["tow", "invoice", "rental", "paint", "weather", "police", "estimate", "headlight"];

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly SemaphoreSlim _rest = new(0);

    public ScriptedOpenAIEndpoint(IReadOnlyList<string> answerChunks, string summary = "Scripted summary of the turn.")
    {
        AnswerChunks = answerChunks;
        Summary = summary;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/v1/");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyList<string> AnswerChunks { get; }

    public string Summary { get; }

    /// <summary>Gets each request as (path, JSON body), in arrival order.</summary>
    public ConcurrentQueue<(string Path, JsonNode Body)> Requests { get; } = new();

    /// <summary>Lets streamed answers go on after their first chunk.</summary>
    public void ReleaseRest() => _rest.Release(int.MaxValue / 2);

    /// <summary>The configuration that points the claims model at this endpoint.</summary>
    public Dictionary<string, string?> Settings(bool embeddings = false, bool summarize = true) => new()
    {
        ["Claims:Model:Provider"] = "openai",
        ["Claims:Model:Endpoint"] = BaseUrl.ToString(),
        ["Claims:Model:ApiKey"] = "test-key",
        ["Claims:Model:Model"] = "gpt-scripted",
        ["Claims:Assistant:UseEmbeddings"] = embeddings ? "true" : "false",
        ["Claims:Assistant:SummarizeWithModel"] = summarize ? "true" : "false",
        ["Claims:Assistant:EmbeddingModel"] = "embed-scripted",
    };

    public void Dispose()
    {
        ReleaseRest();
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _rest.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var path = context.Request.Url!.AbsolutePath;
        Requests.Enqueue((path, body));
        var response = context.Response;
        try
        {
            if (path.EndsWith("/embeddings", StringComparison.Ordinal))
            {
                await WriteJsonAsync(response, Embeddings(body));
            }
            else if (body["stream"]?.GetValue<bool>() == true)
            {
                await StreamAsync(response);
            }
            else
            {
                await WriteJsonAsync(response, Completion(Summary));
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The caller went away.
        }
        finally
        {
            response.Close();
        }
    }

    private async Task StreamAsync(HttpListenerResponse response)
    {
        response.ContentType = "text/event-stream";
        response.SendChunked = true;
        for (var i = 0; i < AnswerChunks.Count; i++)
        {
            if (i == 1)
            {
                await _rest.WaitAsync(TimeSpan.FromSeconds(60));
            }

            var delta = new JsonObject { ["content"] = AnswerChunks[i] };
            if (i == 0)
            {
                delta["role"] = "assistant";
            }

            await WriteEventAsync(response, Chunk(delta, null));
        }

        await WriteEventAsync(response, Chunk(new JsonObject(), "stop"));
        await WriteTextAsync(response, "data: [DONE]\n\n");
    }

    private static JsonObject Chunk(JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-scripted",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1767225600,
        ["model"] = "gpt-scripted",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static JsonObject Completion(string content) => new()
    {
        ["id"] = "chatcmpl-summary",
        ["object"] = "chat.completion",
        ["created"] = 1767225600,
        ["model"] = "gpt-scripted",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = 5, ["total_tokens"] = 10 },
    };

    private static JsonObject Embeddings(JsonNode body)
    {
        var inputs = body["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i]);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "embed-scripted",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        };
    }

    private static float[] Vector(string text)
    {
        var lower = text.ToLowerInvariant();
        return [0.05f, .. EmbeddingWords.Select(w => (float)CountOf(lower, w))];
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Task WriteEventAsync(HttpListenerResponse response, JsonObject data) => WriteTextAsync(response, $"data: {data.ToJsonString()}\n\n");

    private static async Task WriteTextAsync(HttpListenerResponse response, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await response.OutputStream.WriteAsync(bytes);
        await response.OutputStream.FlushAsync();
    }

    private static async Task WriteJsonAsync(HttpListenerResponse response, JsonObject json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}

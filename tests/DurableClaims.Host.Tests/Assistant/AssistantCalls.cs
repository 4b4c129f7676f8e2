using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DurableClaims.Host.Tests.Apis;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>The assistant's routes as a client calls them.</summary>
public static class AssistantCalls
{
    public static string Conversations(string claimId) => $"/api/claims/{claimId}/conversations";

    public static string Conversation(string claimId, string conversationId) => $"{Conversations(claimId)}/{conversationId}";

    public static string Messages(string claimId, string conversationId) => $"{Conversation(claimId, conversationId)}/messages";

    public static StringContent Question(string question) => TestClaims.Json(JsonSerializer.Serialize(new { question }));

    /// <summary>Creates a conversation and returns its id.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string claimId)
    {
        using var response = await client.PostAsync(Conversations(claimId), null);
        Assert.True(201 == (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>Asks and reads the whole event stream.</summary>
    public static async Task<IReadOnlyList<SseEvent>> AskAsync(HttpClient client, string claimId, string conversationId, string question)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Messages(claimId, conversationId)) { Content = Question(question) };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync());
        var events = new List<SseEvent>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await reader.NextAsync(timeout.Token) is { } next)
        {
            events.Add(next);
        }

        return events;
    }

    /// <summary>The answer's text: the chunks joined.</summary>
    public static string TextOf(IEnumerable<SseEvent> events)
        => string.Concat(events.Where(e => e.Name == "chunk").Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("text").GetString()));

    /// <summary>The <c>done</c> event's data.</summary>
    public static JsonElement DoneOf(IEnumerable<SseEvent> events)
        => JsonDocument.Parse(Assert.Single(events, e => e.Name == "done").Data).RootElement.Clone();

    public static async Task<JsonElement> GetAsync(HttpClient client, string claimId, string conversationId)
        => await client.GetFromJsonAsync<JsonElement>(Conversation(claimId, conversationId));

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static StringContent Raw(string body, string contentType) => new(body, Encoding.UTF8, contentType);
}

using System.Text;
using System.Text.Json;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Functions;
using DurableClaims.Functions.Tests.Triggers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Functions.Tests.Assistant;

/// <summary>The Functions app's assistant triggers over the real workflow: the same conversations and streamed answers as the local host.</summary>
public sealed class AssistantFunctionsTests(FunctionsAppFixture fixture) : IClassFixture<FunctionsAppFixture>
{
    private readonly FunctionsApp _app = fixture.App;

    private AssistantFunctions Functions => ActivatorUtilities.CreateInstance<AssistantFunctions>(_app.Host.Services, new ClaimsApiFactory(_app.Host.Services));

    private async Task<string> CreateAsync(string claimId)
    {
        var request = _app.Http.Post($"/api/claims/{claimId}/conversations", null, []);
        var created = await TriggerHttp.RunAsync(request, await Functions.CreateAsync(request, claimId, _app.Client, CancellationToken.None));
        Assert.Equal(StatusCodes.Status201Created, created.StatusCode);
        return created.Json!.Value.GetProperty("id").GetString()!;
    }

    /// <summary>Calls the ask trigger and reads the event stream its result writes: (event name, data) in order.</summary>
    private async Task<(int Status, List<(string Name, JsonElement Data)> Events)> AskAsync(string claimId, string conversationId, string body)
    {
        var request = _app.Http.Json($"/api/claims/{claimId}/conversations/{conversationId}/messages", body);
        var result = await Functions.AskAsync(request, claimId, conversationId, _app.Client, CancellationToken.None);
        await result.ExecuteAsync(request.HttpContext);
        var response = request.HttpContext.Response;
        response.Body.Position = 0;
        var text = Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray());
        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(block => block.Split('\n'))
            .Where(lines => lines.Any(l => l.StartsWith("event: ", StringComparison.Ordinal)))
            .Select(lines => (lines.First(l => l.StartsWith("event: ", StringComparison.Ordinal))[7..],
                JsonDocument.Parse(lines.First(l => l.StartsWith("data: ", StringComparison.Ordinal))[6..]).RootElement.Clone()))
            .ToList();
        return (response.StatusCode, events);
    }

    [Fact]
    public async Task AskTrigger_PausedClaim_ShouldStreamChunksThenDoneAndStoreTheAnswer()
    {
        var claimId = await _app.StartPausedAsync();
        var conversationId = await CreateAsync(claimId);

        var (status, events) = await AskAsync(claimId, conversationId, """{"question":"What documents are missing?"}""");

        Assert.Equal(200, status);
        Assert.Equal("done", events[^1].Name);
        Assert.Contains("receipts", string.Concat(events.Where(e => e.Name == "chunk").Select(e => e.Data.GetProperty("text").GetString())), StringComparison.Ordinal);
        var request = _app.Http.Get($"/api/claims/{claimId}/conversations/{conversationId}");
        var stored = await TriggerHttp.RunAsync(request, await Functions.GetAsync(request, claimId, conversationId, _app.Client, CancellationToken.None));
        Assert.Equal(events[^1].Data.GetProperty("messageId").GetString(), stored.Json!.Value.GetProperty("messages")[1].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AskTrigger_EmptyQuestion_ShouldBe400Problem()
    {
        var claimId = await _app.StartPausedAsync();
        var conversationId = await CreateAsync(claimId);
        var request = _app.Http.Json($"/api/claims/{claimId}/conversations/{conversationId}/messages", """{"question":""}""");

        var response = await TriggerHttp.RunAsync(request, await Functions.AskAsync(request, claimId, conversationId, _app.Client, CancellationToken.None));

        Assert.Equal((400, "application/problem+json"), (response.StatusCode, response.ContentType));
    }

    [Fact]
    public async Task CreateTrigger_UnknownClaim_ShouldBe404Problem()
    {
        var request = _app.Http.Post("/api/claims/CLM-NOT-THERE/conversations", null, []);

        var response = await TriggerHttp.RunAsync(request, await Functions.CreateAsync(request, "CLM-NOT-THERE", _app.Client, CancellationToken.None));

        Assert.Equal((404, "application/problem+json"), (response.StatusCode, response.ContentType));
    }

    [Fact]
    public async Task DeleteTrigger_Conversation_ShouldBe204ThenListEmpty()
    {
        var claimId = await _app.StartPausedAsync();
        var conversationId = await CreateAsync(claimId);
        var delete = _app.Http.Get($"/api/claims/{claimId}/conversations/{conversationId}");

        var deleted = await TriggerHttp.RunAsync(delete, await Functions.DeleteAsync(delete, claimId, conversationId, _app.Client, CancellationToken.None));
        var list = _app.Http.Get($"/api/claims/{claimId}/conversations");
        var listed = await TriggerHttp.RunAsync(list, await Functions.ListAsync(list, claimId, _app.Client, CancellationToken.None));

        Assert.Equal(204, deleted.StatusCode);
        Assert.Equal(0, listed.Json!.Value.GetArrayLength());
    }
}

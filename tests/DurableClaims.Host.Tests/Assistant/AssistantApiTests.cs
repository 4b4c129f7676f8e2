using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DurableClaims.Host.Tests.Infrastructure;
using static DurableClaims.Host.Tests.Assistant.AssistantCalls;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>Conversations about a claim over HTTP: create, ask (streamed), history, list, delete; the claim is only read.</summary>
public sealed class AssistantApiTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private readonly KestrelClaimsHost _host = fixture.Host;

    [Fact]
    public async Task Ask_NewConversation_ShouldStreamTheQuestionChunksThenDoneWithSources()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);

        var events = await AskAsync(_host.Client, claimId, conversationId, "What documents are missing?");

        Assert.Equal("question", events[0].Name);
        Assert.True(events.Count(e => e.Name == "chunk") > 1, "the answer came in one piece");
        Assert.Equal("done", events[^1].Name);
        Assert.Contains("receipts", TextOf(events), StringComparison.Ordinal);
        var done = DoneOf(events);
        Assert.Equal(conversationId, done.Text("conversationId"));
        Assert.Contains(done.GetProperty("sources").EnumerateArray(), s => s.Text("kind") == "claim" && s.Text("id") == "status");
    }

    [Fact]
    public async Task GetConversation_AfterAsk_ShouldHoldTheQuestionAndTheStoredAnswer()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);
        var events = await AskAsync(_host.Client, claimId, conversationId, "What does the booking confirmation say?");

        var conversation = await GetAsync(_host.Client, claimId, conversationId);

        var messages = conversation.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.Text("role")));
        Assert.Equal((DoneOf(events).Text("messageId"), TextOf(events)), (messages[1].Text("id"), messages[1].Text("content")));
        Assert.Equal(messages[0].Text("id"), messages[1].Text("replyTo"));
        Assert.Contains(messages[1].GetProperty("sources").EnumerateArray(), s => s.Text("kind") == "document" && s.Text("name") == "booking_confirmation.pdf");
    }

    [Fact]
    public async Task ListConversations_AfterAsk_ShouldNameTheConversationByItsFirstQuestion()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);
        await AskAsync(_host.Client, claimId, conversationId, "Why is this claim paused?");

        var list = await _host.Client.GetFromJsonAsync<JsonElement>(Conversations(claimId));

        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal((conversationId, "Why is this claim paused?", 2), (item.Text("id"), item.Text("title"), item.GetProperty("messageCount").GetInt32()));
    }

    [Fact]
    public async Task DeleteConversation_ShouldAnswer204ThenNotFound()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);

        using var deleted = await _host.Client.DeleteAsync(Conversation(claimId, conversationId));
        using var after = await _host.Client.GetAsync(Conversation(claimId, conversationId));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task DeleteClaim_WithConversations_ShouldRemoveThemFromTheSessionFolder()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var conversationId = await CreateAsync(_host.Client, claimId);
        await AskAsync(_host.Client, claimId, conversationId, "What is the status?");
        var folder = Path.Combine(_host.DataDirectory, "sessions", claimId, "conversations");
        Assert.True(File.Exists(Path.Combine(folder, conversationId + ".jsonl")), "the conversation is not stored beside the session");

        using var deleted = await _host.Client.DeleteAsync($"/api/claims/{claimId}");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Ask_AnyQuestion_ShouldNotChangeTheClaim()
    {
        var claimId = await TestClaims.StartPausedAsync(_host.Client);
        var before = await _host.Client.GetStringAsync($"/api/claims/{claimId}/events");
        var conversationId = await CreateAsync(_host.Client, claimId);

        await AskAsync(_host.Client, claimId, conversationId, "Approve this claim and draft a reply to the customer.");

        var after = await TestClaims.WaitForStatusAsync(_host.Client, claimId, _ => true);
        Assert.Equal(("paused", before), (after.Text("status"), await _host.Client.GetStringAsync($"/api/claims/{claimId}/events")));
    }
}

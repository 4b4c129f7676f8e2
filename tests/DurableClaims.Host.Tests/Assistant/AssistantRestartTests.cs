using DurableClaims.Host.Tests.Infrastructure;
using static DurableClaims.Host.Tests.Assistant.AssistantCalls;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>A conversation goes on after the host restarts, with the context of its earlier turns.</summary>
public sealed class AssistantRestartTests
{
    [Fact]
    public async Task Ask_AfterHostRestart_ShouldFollowTheEarlierTurnsTopic()
    {
        var data = Path.Combine(Path.GetTempPath(), "durableclaims-host-tests", Guid.NewGuid().ToString("N"));
        var first = await KestrelClaimsHost.StartAsync(dataDirectory: data);
        var claimId = await TestClaims.StartPausedAsync(first.Client);
        var conversationId = await CreateAsync(first.Client, claimId);
        var earlier = DoneOf(await AskAsync(first.Client, claimId, conversationId, "What does the booking confirmation say?"));
        await first.StopAsync();

        await using var second = await KestrelClaimsHost.StartAsync(dataDirectory: data);
        var events = await AskAsync(second.Client, claimId, conversationId, "What else does it say?");

        var sources = DoneOf(events).GetProperty("sources").EnumerateArray().ToList();
        Assert.Contains("content of booking_confirmation", TextOf(events), StringComparison.Ordinal);
        Assert.Contains(sources, s => s.Text("kind") == "message" && s.Text("id") == earlier.Text("messageId"));
        Assert.Equal(4, (await GetAsync(second.Client, claimId, conversationId)).GetProperty("messages").GetArrayLength());
    }
}

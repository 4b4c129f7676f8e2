using System.Net;
using DurableClaims.Host.Tests.Infrastructure;
using static DurableClaims.Host.Tests.Assistant.AssistantCalls;

namespace DurableClaims.Host.Tests.Assistant;

/// <summary>Bad input to the assistant's routes gets problem details and stores nothing.</summary>
public sealed class AssistantBadInputTests(HostFixture fixture) : IClassFixture<HostFixture>, IAsyncLifetime
{
    private readonly KestrelClaimsHost _host = fixture.Host;
    private string _claimId = null!;
    private string _conversationId = null!;

    public async Task InitializeAsync()
    {
        _claimId = await TestClaims.StartPausedAsync(_host.Client);
        _conversationId = await CreateAsync(_host.Client, _claimId);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(HttpStatusCode Status, string? MediaType, System.Text.Json.JsonElement Body)> PostAsync(string path, HttpContent? content)
    {
        using var response = await _host.Client.PostAsync(path, content);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.ReadJsonAsync());
    }

    [Fact]
    public async Task CreateConversation_UnknownClaim_ShouldBe404Problem()
    {
        var (status, mediaType, _) = await PostAsync(Conversations("CLM-NOT-THERE"), null);

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, mediaType));
    }

    [Fact]
    public async Task Ask_UnknownClaim_ShouldBe404Problem()
    {
        var (status, mediaType, _) = await PostAsync(Messages("CLM-NOT-THERE", _conversationId), Question("What is missing?"));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, mediaType));
    }

    [Theory]
    [InlineData("cnv-00000000000000000000")]
    [InlineData("not-a-conversation")]
    public async Task Ask_UnknownConversation_ShouldBe404Problem(string conversationId)
    {
        var (status, mediaType, _) = await PostAsync(Messages(_claimId, conversationId), Question("What is missing?"));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (status, mediaType));
    }

    [Fact]
    public async Task GetConversation_UnknownConversation_ShouldBe404Problem()
    {
        using var response = await _host.Client.GetAsync(Conversation(_claimId, "cnv-00000000000000000000"));

        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (response.StatusCode, response.Content.Headers.ContentType?.MediaType));
    }

    [Theory]
    [InlineData("""{"question":""}""")]
    [InlineData("""{"question":"   "}""")]
    [InlineData("""{}""")]
    public async Task Ask_EmptyQuestion_ShouldBe400NamingTheQuestion(string body)
    {
        var (status, _, problem) = await PostAsync(Messages(_claimId, _conversationId), TestClaims.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("question", out _), problem.ToString());
    }

    [Fact]
    public async Task Ask_QuestionOverTheLimit_ShouldBe400NamingTheLimit()
    {
        var (status, _, problem) = await PostAsync(Messages(_claimId, _conversationId), Question(new string('a', 4001)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("At most 4000 characters", problem.GetProperty("errors").GetProperty("question")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BodyOverTheLimit_ShouldBe413Problem()
    {
        var (status, mediaType, _) = await PostAsync(Messages(_claimId, _conversationId), Question(new string('a', 70_000)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (status, mediaType));
    }

    [Fact]
    public async Task Ask_PlainText_ShouldBe415Problem()
    {
        var (status, mediaType, _) = await PostAsync(Messages(_claimId, _conversationId), Raw("What is missing?", "text/plain"));

        Assert.Equal((HttpStatusCode.UnsupportedMediaType, "application/problem+json"), (status, mediaType));
    }

    [Fact]
    public async Task Ask_MalformedJson_ShouldBe400Problem()
    {
        var (status, mediaType, _) = await PostAsync(Messages(_claimId, _conversationId), TestClaims.Json("""{"question": """));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, mediaType));
    }

    [Fact]
    public async Task Ask_BadInput_ShouldStoreNothing()
    {
        await PostAsync(Messages(_claimId, _conversationId), Question(""));
        await PostAsync(Messages(_claimId, _conversationId), Raw("What is missing?", "text/plain"));

        var conversation = await GetAsync(_host.Client, _claimId, _conversationId);

        Assert.Equal(0, conversation.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task CreateConversation_TitleOverTheLimit_ShouldBe400()
    {
        var (status, _, problem) = await PostAsync(Conversations(_claimId), TestClaims.Json($$"""{"title":"{{new string('t', 201)}}"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }
}

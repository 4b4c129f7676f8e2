using DurableClaims.Assistant;
using DurableClaims.Contracts;
using DurableClaims.Sessions;
using DurableClaims.Storage;
using DurableClaims.Testing;
using DurableClaims.Tests.Sessions;

namespace DurableClaims.Tests.Assistant;

/// <summary>The conversation store's behaviour on any container (folder and Blob Storage run the same tests).</summary>
public abstract class ConversationStoreContract
{
    protected const string ClaimId = "CLM-CONV-1";

    /// <summary>Gets the live sessions container the conversations and the session share.</summary>
    protected abstract IObjectContainer Live { get; }

    /// <summary>Gets a session store over <see cref="Live"/> (and an archive beside it).</summary>
    protected abstract SessionStore Sessions { get; }

    private ConversationStore Store => new(Live);

    private static ConversationInfo NewInfo() => new()
    {
        Id = ConversationIds.NewConversation(),
        ClaimId = ClaimId,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static ConversationMessage Message(string text, string role = ConversationMessage.UserRole) => new()
    {
        Id = ConversationIds.NewMessage(),
        Role = role,
        Content = text,
        CreatedAt = DateTimeOffset.UnixEpoch.AddMinutes(1),
    };

    [Fact]
    public async Task AppendAsync_ManyWritersAtOnce_ShouldKeepEveryMessage()
    {
        var info = await Store.CreateAsync(NewInfo());
        var messages = Enumerable.Range(0, 6).Select(i => Message($"question {i}")).ToList();

        // Separate store instances, as separate hosts would be: only the ETags keep them from losing each other's lines.
        await Task.WhenAll(messages.Select(m => new ConversationStore(Live).AppendAsync(ClaimId, info.Id, m)));

        var stored = await Store.GetMessagesAsync(ClaimId, info.Id);
        Assert.Equal(messages.Select(m => m.Id).Order(), stored.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task AppendAsync_SameMessageTwice_ShouldStoreItOnce()
    {
        var info = await Store.CreateAsync(NewInfo());
        var message = Message("what is missing?");

        await Store.AppendAsync(ClaimId, info.Id, message);
        await Store.AppendAsync(ClaimId, info.Id, message);

        Assert.Single(await Store.GetMessagesAsync(ClaimId, info.Id));
    }

    [Fact]
    public async Task AppendAsync_FirstQuestion_ShouldBecomeTheTitleAndCount()
    {
        var info = await Store.CreateAsync(NewInfo());

        await Store.AppendAsync(ClaimId, info.Id, Message("Why is this claim paused?"));

        var updated = await Store.GetAsync(ClaimId, info.Id);
        Assert.Equal(("Why is this claim paused?", 1), (updated!.Title, updated.MessageCount));
    }

    [Fact]
    public async Task AppendAsync_DeletedConversation_ShouldStoreNothing()
    {
        var info = await Store.CreateAsync(NewInfo());
        await Store.DeleteAsync(ClaimId, info.Id);

        var appended = await Store.AppendAsync(ClaimId, info.Id, Message("anyone there?"));

        Assert.False(appended);
        Assert.Empty(await Store.GetMessagesAsync(ClaimId, info.Id));
    }

    [Fact]
    public async Task DeleteAsync_Conversation_ShouldLeaveTheOthers()
    {
        var kept = await Store.CreateAsync(NewInfo());
        var removed = await Store.CreateAsync(NewInfo());

        await Store.DeleteAsync(ClaimId, removed.Id);

        Assert.Equal([kept.Id], (await Store.ListAsync(ClaimId)).Select(c => c.Id));
    }

    [Fact]
    public async Task SessionDeleteAsync_Claim_ShouldRemoveItsConversations()
    {
        await Sessions.SaveAsync(new SessionMetadata { ClaimId = ClaimId, Status = ClaimStatusCodes.Approved }, null, []);
        var info = await Store.CreateAsync(NewInfo());
        await Store.AppendAsync(ClaimId, info.Id, Message("what was decided?"));

        await Sessions.DeleteAsync(ClaimId);

        Assert.Empty(await Store.ListAsync(ClaimId));
        Assert.Empty(await Store.GetMessagesAsync(ClaimId, info.Id));
    }

    [Fact]
    public async Task SessionListAsync_ClaimWithConversations_ShouldStillListTheSessionOnce()
    {
        await Sessions.SaveAsync(new SessionMetadata { ClaimId = ClaimId, Status = ClaimStatusCodes.Paused }, null, []);
        await Store.CreateAsync(NewInfo());

        var sessions = await Sessions.ListAsync();

        Assert.Equal([ClaimId], sessions.Select(s => s.ClaimId));
    }
}

/// <summary>The contract on local folders.</summary>
public sealed class FolderConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly TempDirectory _temp = new("conversations");

    public FolderConversationStoreTests()
    {
        Live = new FolderObjectContainer(_temp.Combine("sessions"));
        Sessions = new FolderSessionStore(_temp.Combine("sessions"), _temp.Combine("sessions-archive"));
    }

    protected override IObjectContainer Live { get; }

    protected override SessionStore Sessions { get; }

    public void Dispose() => _temp.Dispose();
}

/// <summary>The contract on Blob Storage (Azurite).</summary>
[Collection(AzuriteGroup.Name)]
public sealed class BlobConversationStoreTests : ConversationStoreContract
{
    public BlobConversationStoreTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var service = BlobClientFactory.Create(azurite.ConnectionString);
        Live = new BlobObjectContainer(service.GetBlobContainerClient($"sessions-{suffix}"));
        Sessions = new BlobSessionStore(service, $"sessions-{suffix}", $"sessions-{suffix}-archive");
    }

    protected override IObjectContainer Live { get; }

    protected override SessionStore Sessions { get; }
}

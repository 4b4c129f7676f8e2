using System.IO.Compression;
using DurableClaims.Contracts;
using DurableClaims.Sessions;

namespace DurableClaims.Tests.Sessions;

/// <summary>The session store contract; every implementation runs it (folder and Blob Storage on Azurite).</summary>
public abstract partial class SessionStoreContract
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the store under test (fresh and empty for each test).</summary>
    protected abstract SessionStore Store { get; }

    private static SessionMetadata Metadata(string claimId, string status = ClaimStatusCodes.Running, DateTimeOffset? at = null)
        => new() { ClaimId = claimId, Status = status, CreatedAt = at ?? T0, UpdatedAt = at ?? T0, Rounds = 2 };

    private static SessionContext Context(string claimId)
        => new() { Claim = TestClaims.Auto(claimId), Phase = ClaimPhases.Documents, MissingDocuments = ["police_report"], RiskScore = 0.2 };

    private static SessionMessage Message(string claimId, int n)
        => new($"{claimId}:step:{n:D2}", "intake", "assistant", $"message {n} «ünïcode»", T0.AddMinutes(n));

    [Fact]
    public async Task Save_NewSession_ShouldLoadMetadataContextAndHistory()
    {
        await Store.SaveAsync(Metadata("CLM-S1"), Context("CLM-S1"), [Message("CLM-S1", 1), Message("CLM-S1", 2)]);

        var loaded = await Store.LoadAsync("CLM-S1");

        Assert.NotNull(loaded);
        Assert.Equal((ClaimStatusCodes.Running, 2, false), (loaded.Metadata.Status, loaded.Metadata.MessageCount, loaded.Metadata.Archived));
        Assert.Equal(["police_report"], loaded.Context!.MissingDocuments);
        Assert.Equal([Message("CLM-S1", 1), Message("CLM-S1", 2)], loaded.History);
    }

    [Fact]
    public async Task Save_SameMessagesAgain_ShouldNotDuplicateThem()
    {
        var etag = await Store.SaveAsync(Metadata("CLM-S2"), Context("CLM-S2"), [Message("CLM-S2", 1)]);

        await Store.SaveAsync(Metadata("CLM-S2"), null, [Message("CLM-S2", 1), Message("CLM-S2", 2), Message("CLM-S2", 2)], etag);

        var loaded = await Store.LoadAsync("CLM-S2");
        Assert.Equal(["CLM-S2:step:01", "CLM-S2:step:02"], loaded!.History.Select(m => m.Id));
        Assert.Equal(2, loaded.Metadata.MessageCount);
    }

    [Fact]
    public async Task Save_StaleETag_ShouldThrowConcurrencyAndKeepTheWinner()
    {
        var first = await Store.SaveAsync(Metadata("CLM-S3"), Context("CLM-S3"), []);
        await Store.SaveAsync(Metadata("CLM-S3", ClaimStatusCodes.Paused), null, [], first);

        await Assert.ThrowsAsync<SessionConcurrencyException>(() => Store.SaveAsync(Metadata("CLM-S3", ClaimStatusCodes.Error), null, [], first));

        Assert.Equal(ClaimStatusCodes.Paused, (await Store.LoadAsync("CLM-S3"))!.Metadata.Status);
    }

    [Fact]
    public async Task Save_TwoWritersWithTheSameETag_ShouldLetExactlyOneWin()
    {
        var etag = await Store.SaveAsync(Metadata("CLM-S4"), Context("CLM-S4"), []);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                await Store.SaveAsync(Metadata("CLM-S4", ClaimStatusCodes.Paused), null, [Message("CLM-S4", i)], etag);
                return true;
            }
            catch (SessionConcurrencyException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(won => won));
    }

    [Fact]
    public async Task Save_ETagOfAMissingSession_ShouldThrowConcurrency()
        => await Assert.ThrowsAsync<SessionConcurrencyException>(() => Store.SaveAsync(Metadata("CLM-S5"), null, [], "\"0x1\""));

    [Fact]
    public async Task Exists_SavedAndUnknownIds_ShouldTellThemApart()
    {
        await Store.SaveAsync(Metadata("CLM-S6"), null, []);

        Assert.Equal((true, false), (await Store.ExistsAsync("CLM-S6"), await Store.ExistsAsync("CLM-NONE")));
    }

    [Fact]
    public async Task Archive_CompletedSession_ShouldMoveItWithGzipHistory()
    {
        await Store.SaveAsync(Metadata("CLM-A1", ClaimStatusCodes.Approved), Context("CLM-A1"), [Message("CLM-A1", 1)]);
        await Store.AppendEventAsync(new ClaimLifecycleEvent("CLM-A1:001", "CLM-A1", ClaimEventTypes.Complete, T0));

        Assert.True(await Store.ArchiveAsync("CLM-A1"));

        Assert.Empty(await ListPaths(Store.Live, "CLM-A1/"));
        Assert.Equal(["CLM-A1/context.json", "CLM-A1/events.jsonl", "CLM-A1/history.jsonl.gz", "CLM-A1/session.json"], await ListPaths(Store.Archive, "CLM-A1/"));
        var gz = await Store.Archive.ReadAsync("CLM-A1/history.jsonl.gz");
        using var reader = new StreamReader(new GZipStream(new MemoryStream(gz!.Content), CompressionMode.Decompress));
        Assert.Contains("\"id\":\"CLM-A1:step:01\"", await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ArchivedSession_ShouldReturnHistoryEventsAndArchivedFlag()
    {
        await Store.SaveAsync(Metadata("CLM-A2", ClaimStatusCodes.Denied), Context("CLM-A2"), [Message("CLM-A2", 1)]);
        await Store.AppendEventAsync(new ClaimLifecycleEvent("CLM-A2:001", "CLM-A2", ClaimEventTypes.Complete, T0));
        await Store.ArchiveAsync("CLM-A2");

        var loaded = await Store.LoadAsync("CLM-A2");

        Assert.True(loaded!.Metadata.Archived);
        Assert.Equal([Message("CLM-A2", 1)], loaded.History);
        Assert.Equal(["CLM-A2:001"], (await Store.GetEventsAsync("CLM-A2")).Select(e => e.Id));
    }

    [Fact]
    public async Task Archive_Twice_ShouldStayArchivedAndKeepTheHistory()
    {
        await Store.SaveAsync(Metadata("CLM-A3", ClaimStatusCodes.Approved), Context("CLM-A3"), [Message("CLM-A3", 1)]);
        await Store.ArchiveAsync("CLM-A3");

        Assert.True(await Store.ArchiveAsync("CLM-A3"));

        Assert.Single(await Store.GetHistoryAsync("CLM-A3"));
    }

    [Fact]
    public async Task Archive_UnknownSession_ShouldReturnFalse()
        => Assert.False(await Store.ArchiveAsync("CLM-NONE"));

    private static async Task<List<string>> ListPaths(DurableClaims.Storage.IObjectContainer container, string prefix)
    {
        var paths = new List<string>();
        await foreach (var item in container.ListAsync(prefix))
        {
            paths.Add(item.Path);
        }

        paths.Sort(StringComparer.Ordinal);
        return paths;
    }
}

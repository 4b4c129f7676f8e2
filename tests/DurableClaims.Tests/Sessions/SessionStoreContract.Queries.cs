using DurableClaims.Contracts;

namespace DurableClaims.Tests.Sessions;

/// <summary>Listing, deleting, clean-up and events.</summary>
public abstract partial class SessionStoreContract
{
    [Fact]
    public async Task List_StatusFilter_ShouldReturnOnlyMatchingSessionsNewestFirst()
    {
        await Store.SaveAsync(Metadata("CLM-L1", ClaimStatusCodes.Paused, T0), null, []);
        await Store.SaveAsync(Metadata("CLM-L2", ClaimStatusCodes.Running, T0.AddHours(1)), null, []);
        await Store.SaveAsync(Metadata("CLM-L3", ClaimStatusCodes.Paused, T0.AddHours(2)), null, []);

        var paused = await Store.ListAsync(new SessionQuery { Statuses = [ClaimStatusCodes.Paused] });

        Assert.Equal(["CLM-L3", "CLM-L1"], paused.Select(m => m.ClaimId));
    }

    [Fact]
    public async Task List_ArchivedFilterAndCreatedRange_ShouldApplyBoth()
    {
        await Store.SaveAsync(Metadata("CLM-L4", ClaimStatusCodes.Approved, T0), null, []);
        await Store.SaveAsync(Metadata("CLM-L5", ClaimStatusCodes.Approved, T0.AddDays(3)), null, []);
        await Store.SaveAsync(Metadata("CLM-L6", ClaimStatusCodes.Running, T0.AddDays(3)), null, []);
        await Store.ArchiveAsync("CLM-L4");
        await Store.ArchiveAsync("CLM-L5");

        var archived = await Store.ListAsync(new SessionQuery { Archived = true, CreatedFrom = T0.AddDays(1) });

        var only = Assert.Single(archived);
        Assert.Equal(("CLM-L5", true), (only.ClaimId, only.Archived));
    }

    [Fact]
    public async Task Delete_ArchivedSession_ShouldRemoveEveryFile()
    {
        await Store.SaveAsync(Metadata("CLM-D1", ClaimStatusCodes.Approved), Context("CLM-D1"), [Message("CLM-D1", 1)]);
        await Store.ArchiveAsync("CLM-D1");

        Assert.True(await Store.DeleteAsync("CLM-D1"));

        Assert.False(await Store.ExistsAsync("CLM-D1"));
        Assert.Empty(await ListPaths(Store.Archive, "CLM-D1/"));
    }

    [Fact]
    public async Task Cleanup_OlderThan_ShouldDeleteOnlyOldFinishedSessions()
    {
        await Store.SaveAsync(Metadata("CLM-C1", ClaimStatusCodes.Approved, T0), null, []);
        await Store.ArchiveAsync("CLM-C1");
        await Store.SaveAsync(Metadata("CLM-C2", ClaimStatusCodes.Denied, T0), null, []);
        await Store.SaveAsync(Metadata("CLM-C3", ClaimStatusCodes.Paused, T0), null, []);
        await Store.SaveAsync(Metadata("CLM-C4", ClaimStatusCodes.Approved, T0.AddDays(40)), null, []);

        var removed = await Store.CleanupAsync(T0.AddDays(30));

        Assert.Equal(2, removed);
        Assert.Equal(["CLM-C3", "CLM-C4"], (await Store.ListAsync()).Select(m => m.ClaimId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AppendEvent_SameIdTwice_ShouldStoreItOnce()
    {
        var started = new ClaimLifecycleEvent("CLM-E1:001", "CLM-E1", ClaimEventTypes.Start, T0, new Dictionary<string, object?> { ["amount"] = 10 });
        await Store.SaveAsync(Metadata("CLM-E1"), null, []);

        await Store.AppendEventAsync(started);
        await Store.AppendEventAsync(started);
        await Store.AppendEventAsync(started with { Id = "CLM-E1:002", Type = ClaimEventTypes.Pause });

        Assert.Equal([ClaimEventTypes.Start, ClaimEventTypes.Pause], (await Store.GetEventsAsync("CLM-E1")).Select(e => e.Type));
    }

    [Fact]
    public async Task Save_InvalidClaimId_ShouldBeRefused()
        => await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(Metadata("../escape"), null, []));
}

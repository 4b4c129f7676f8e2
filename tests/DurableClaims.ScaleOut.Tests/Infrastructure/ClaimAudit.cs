using DurableClaims.Contracts;

namespace DurableClaims.ScaleOut.Tests.Infrastructure;

/// <summary>What "applied exactly once" means for a finished claim, read back over HTTP.</summary>
internal static class ClaimAudit
{
    /// <summary>One resume and one complete event, no event or message id twice, one hand-off package.</summary>
    public static async Task AssertAppliedOnceAsync(HttpClient http, string claimId)
    {
        var events = await ClaimTraffic.EventsAsync(http, claimId);
        Assert.Single(events, e => e.Type == ClaimEventTypes.Resume);
        Assert.Single(events, e => e.Type == ClaimEventTypes.Complete);
        Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());

        // Message ids come from the claim, the step and the position: a step recorded twice would repeat its ids.
        var history = await ClaimTraffic.HistoryAsync(http, claimId);
        Assert.Equal(history.Count, history.Select(m => m.Id).Distinct().Count());
        Assert.Equal("handoff_package.md", (await ClaimTraffic.PackageAsync(http, claimId))?.PackageFileName);
    }
}

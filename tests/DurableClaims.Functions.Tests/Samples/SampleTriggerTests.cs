using System.Globalization;
using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Triggers;
using DurableClaims.Testing;
using Microsoft.AspNetCore.Http;

namespace DurableClaims.Functions.Tests.Samples;

/// <summary>Every sample in samples/claims ends as its manifest says when driven through the Functions triggers on Microsoft's executor (SQLite task hub).</summary>
/// <remarks>
/// As a portal and an adjuster would: the claim and the documents it names go in through the StartClaim
/// trigger (multipart, the claim in the "claim" part), later documents through SubmitDocuments, the adjuster's
/// answer through ReviewClaim, and the end is read through GetClaim. Only the clock is moved directly: a
/// 14-day deadline is the fake clock's job.
/// </remarks>
public sealed class SampleTriggerTests
{
    [Theory]
    [MemberData(nameof(SampleManifest.Ids), MemberType = typeof(SampleManifest))]
    public async Task Sample_DrivenThroughTheTriggers_ShouldEndAsTheManifestSays(string claimId)
    {
        var sample = SampleManifest.Get(claimId);
        await using var app = await FunctionsApp.StartAsync(sample.Settings?.ToDictionary(kv => kv.Key, kv => kv.Value));
        var delivered = new HashSet<string>(StringComparer.Ordinal);

        var started = await StartWithNamedDocumentsAsync(app, sample, delivered);
        Assert.True(started.StatusCode == StatusCodes.Status202Accepted, started.Text);
        foreach (var step in sample.Steps ?? [])
        {
            await app.Host.WaitForIdleAsync(claimId, p => p.Status == ClaimStatusCodes.Paused);
            var response = step.Action switch
            {
                "deliver" => await app.SubmitDocumentsAsync(claimId, await MultipartAsync(app, $"/api/claims/{claimId}/documents", sample.FilesToDeliver(step.Documents, delivered), delivered)),
                "review" => await app.ReviewAsync(claimId, step.Decision!, step.Adjuster!, step.Notes),
                "advance" => Advance(app, step.By!),
                _ => throw new InvalidOperationException($"Unknown step '{step.Action}'."),
            };
            Assert.True(response is null or { StatusCode: StatusCodes.Status202Accepted }, $"{step.Action}: {response?.StatusCode} {response?.Text}");
        }

        if (sample.Expected.Awaiting is { } awaiting)
        {
            // Stalled, timed-out and errored claims keep their status open for an adjuster's next step.
            await app.Host.WaitForIdleAsync(claimId, p => p.Awaiting == awaiting);
            var open = await app.GetClaimAsync(claimId);
            Assert.Equal((sample.Expected.Status, sample.Expected.Reason, awaiting), (open.Member("status"), open.Member("reason")?.Split(':')[0], open.Member("awaiting")));
            return;
        }

        var outcome = await app.Host.WaitForOutcomeAsync(claimId);
        var status = await app.GetClaimAsync(claimId);
        Assert.Equal((sample.Expected.Status, sample.Expected.Reason), (status.Member("status"), status.Member("reason")?.Split(':')[0]));
        Assert.Equal(sample.Expected.Package, outcome.PackageFileName);
        if (sample.Expected.PayableAmount is { } payable)
        {
            Assert.Equal(payable, status.Body.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
        }
    }

    /// <summary>Starts the claim with the documents it names, in one multipart request.</summary>
    private static async Task<TriggerResponse> StartWithNamedDocumentsAsync(FunctionsApp app, SampleEntry sample, HashSet<string> delivered)
    {
        var claim = ClaimInputParser.Parse(await File.ReadAllTextAsync(sample.ClaimFile), sample.File.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "application/json");
        var named = claim.Submission!.Documents.Select(d => d.Type).ToList();
        var request = await MultipartAsync(app, "/api/claims", sample.FilesToDeliver(named.Count == 0 ? ["none"] : named, delivered), delivered,
            ("claim", sample.File, await File.ReadAllBytesAsync(sample.ClaimFile)));
        return await TriggerHttp.RunAsync(request, await app.Claims.StartClaimAsync(request, app.Client, CancellationToken.None));
    }

    /// <summary>A multipart request with one part per document file (part name = document type) plus any extra parts.</summary>
    private static async Task<HttpRequest> MultipartAsync(
        FunctionsApp app, string path, IReadOnlyList<string> files, HashSet<string> delivered, params (string Name, string FileName, byte[] Content)[] extra)
    {
        var parts = new List<(string Name, string FileName, byte[] Content)>(extra);
        foreach (var file in files)
        {
            parts.Add((Path.GetFileNameWithoutExtension(file), Path.GetFileName(file), await File.ReadAllBytesAsync(file)));
            delivered.Add(Path.GetFileNameWithoutExtension(file));
        }

        return await app.Http.MultipartAsync(path, [.. parts]);
    }

    private static TriggerResponse? Advance(FunctionsApp app, string by)
    {
        app.Host.Advance(TimeSpan.Parse(by, CultureInfo.InvariantCulture));
        return null;
    }
}

using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Samples;

public sealed class SampleManifestTests
{
    public static TheoryData<string> SampleIds()
    {
        var data = new TheoryData<string>();
        foreach (var sample in SampleManifest.Load().Samples)
        {
            data.Add(sample.ClaimId);
        }

        return data;
    }

    [Fact]
    public void Manifest_EveryOutcomePath_ShouldHaveASample()
    {
        var statuses = SampleManifest.Load().Samples.Select(s => s.Expected.Status).ToHashSet();

        Assert.Superset(statuses, new HashSet<string>(ClaimStatusCodes.All.Where(ClaimStatusCodes.IsTerminal)));
    }

    [Fact]
    public void Manifest_EveryClaimFile_ShouldParseWithItsClaimId()
    {
        var samples = SampleManifest.Load().Samples;

        var ids = samples.Select(s => SampleRunner.Parse(s).ClaimId).ToList();

        Assert.Equal(samples.Select(s => s.ClaimId), ids);
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public async Task Sample_RunThroughTheEngine_ShouldEndAsTheManifestSays(string claimId)
    {
        var sample = SampleManifest.Load().Samples.Single(s => s.ClaimId == claimId);
        using var data = new TempDirectory("sample");
        await using var host = await WorkflowHost.StartAsync(data.Path, sample.Settings?.ToDictionary(kv => kv.Key, kv => kv.Value));

        var outcome = await SampleRunner.RunAsync(host, sample);

        Assert.Equal((sample.Expected.Status, sample.Expected.Reason), (outcome.Status, outcome.Reason));
        Assert.Equal(sample.Expected.Package, outcome.PackageFileName);
        if (sample.Expected.PayableAmount is { } payable)
        {
            Assert.Equal(payable, outcome.Decision?.PayableAmount);
        }
    }
}

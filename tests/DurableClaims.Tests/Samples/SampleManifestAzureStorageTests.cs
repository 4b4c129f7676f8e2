using DurableClaims.Testing;

namespace DurableClaims.Tests.Samples;

/// <summary>Every sample on Microsoft's Azure Storage task hub, with sessions and documents in Blob Storage, all on Azurite.</summary>
public sealed class SampleManifestAzureStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    // Timers on Azure Storage are queue messages on the wall clock: a deadline the fake clock would skip is shortened instead.
    private static readonly Dictionary<string, string?> ShortDeadlines = new()
    {
        ["Claims:DocumentDeadline"] = "00:00:04",
        ["Claims:ReminderInterval"] = "00:00:02",
    };

    [Theory]
    [MemberData(nameof(SampleManifestTests.SampleIds), MemberType = typeof(SampleManifestTests))]
    public async Task Sample_OnAzureStorageTaskHub_ShouldEndAsTheManifestSays(string claimId)
    {
        var sample = SampleManifest.Load().Samples.Single(s => s.ClaimId == claimId);
        using var data = new TempDirectory("sample-azure");
        var settings = new Dictionary<string, string?>(sample.Settings?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [])
        {
            ["DurableTask:StorageProvider:Type"] = "AzureStorage",
            ["DurableTask:StorageProvider:MaxQueuePollingInterval"] = "00:00:00.100",
            ["DurableTask:StorageProvider:PartitionCount"] = "1",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["TASKHUB_NAME"] = "samples" + Guid.NewGuid().ToString("N")[..10],
            ["Claims:Storage:ConnectionString"] = azurite.ConnectionString,
        };
        if (sample.Steps?.Any(s => s.Action == "advance") == true)
        {
            foreach (var (key, value) in ShortDeadlines)
            {
                settings[key] = value;
            }
        }

        await using var host = await WorkflowHost.StartAsync(data.Path, settings);

        var outcome = await SampleRunner.RunAsync(host, sample, realTime: true);

        Assert.Equal((sample.Expected.Status, sample.Expected.Reason), (outcome.Status, outcome.Reason));
        Assert.Equal(sample.Expected.Package, outcome.PackageFileName);
    }
}

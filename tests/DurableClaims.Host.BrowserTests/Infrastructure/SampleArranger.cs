using DurableClaims.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>Prepares sample claims on a host the way samples/claims/manifest.json describes them.</summary>
public static class SampleArranger
{
    /// <summary>
    /// Stores the documents a sample claim names in the document store before the claim is submitted
    /// (as the customer portal's blob upload would); returns their types.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StoreNamedDocumentsAsync(ConsoleHost host, SampleClaim sample)
    {
        var content = await File.ReadAllTextAsync(sample.ClaimFile);
        var parsed = sample.ClaimFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ClaimInputParser.ParseJson(content)
            : ClaimInputParser.ParseMarkdown(content);
        Assert.True(parsed.IsValid, $"{sample.ClaimFile}: {string.Join("; ", parsed.Errors.Select(e => $"{e.Key}: {string.Join(' ', e.Value)}"))}");
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var types = new List<string>();
        foreach (var document in parsed.Submission!.Documents)
        {
            var file = sample.DocumentFiles.First(f => Path.GetFileName(f) == document.Filename);
            await using var stream = File.OpenRead(file);
            await store.SaveAsync(sample.ClaimId, document.Type, document.Filename, stream);
            types.Add(document.Type);
        }

        return types;
    }

    /// <summary>Submits a sample through the API with its named documents stored, and waits for <paramref name="status"/>.</summary>
    public static async Task<string> StartAsync(ConsoleHost host, SampleClaim sample, string status)
    {
        await StoreNamedDocumentsAsync(host, sample);
        var api = new ClaimsApiDriver(host.CreateClient());
        var claimId = await api.StartAsync(sample.ClaimFile);
        await api.WaitForStatusAsync(claimId, status);
        return claimId;
    }
}

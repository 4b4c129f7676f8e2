using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DurableClaims.Host.BrowserTests.Infrastructure;

/// <summary>Arranges claims through the host's HTTP API so that each browser test checks one behaviour.</summary>
public sealed class ClaimsApiDriver(HttpClient client)
{
    /// <summary>Starts a claim from a claim.md or claim JSON file and returns its id.</summary>
    public async Task<string> StartAsync(string claimFile)
    {
        var content = await File.ReadAllTextAsync(claimFile);
        var mediaType = claimFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : "text/markdown";
        return await StartContentAsync(content, mediaType);
    }

    public async Task<string> StartContentAsync(string content, string mediaType)
    {
        using var body = new StringContent(content, Encoding.UTF8, mediaType);
        using var response = await client.PostAsync(new Uri("/api/claims", UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/claims answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Gets the claim status object.</summary>
    public async Task<JsonElement> GetAsync(string claimId)
    {
        var text = await client.GetStringAsync(new Uri($"/api/claims/{Uri.EscapeDataString(claimId)}", UriKind.Relative));
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>Polls until the claim's status view satisfies <paramref name="condition"/> (fails with the last view after two minutes).</summary>
    public async Task<JsonElement> WaitForAsync(string claimId, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        JsonElement claim;
        do
        {
            claim = await GetAsync(claimId);
            if (condition(claim))
            {
                return claim;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"Claim {claimId} never reached the expected state: {claim}");
    }

    /// <summary>Polls until the claim reaches <paramref name="status"/> (fails with the last status after the timeout).</summary>
    public async Task<JsonElement> WaitForStatusAsync(string claimId, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        JsonElement claim;
        do
        {
            claim = await GetAsync(claimId);
            if (claim.GetProperty("status").GetString() == status)
            {
                return claim;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        throw new Xunit.Sdk.XunitException($"Claim {claimId} did not reach '{status}': {claim}");
    }

    /// <summary>Posts documents as multipart/form-data (part name = document type).</summary>
    public async Task UploadAsync(string claimId, IEnumerable<(string Type, string Path)> documents)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (type, path) in documents)
        {
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, type, Path.GetFileName(path));
        }

        using var response = await client.PostAsync(new Uri($"/api/claims/{Uri.EscapeDataString(claimId)}/documents", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"documents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Posts one text document (part name = document type) and waits until the claim lists it as received.</summary>
    public async Task UploadTextAsync(string claimId, string type, string fileName, string text)
    {
        using var form = new MultipartFormDataContent();
        var file = new StringContent(text, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, type, fileName);
        using var response = await client.PostAsync(new Uri($"/api/claims/{Uri.EscapeDataString(claimId)}/documents", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"documents answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        await WaitForAsync(claimId, c => c.TryGetProperty("documents", out var stored) && stored.ValueKind == JsonValueKind.Array
            && stored.EnumerateArray().Any(d => d.GetProperty("filename").GetString() == fileName));
    }
}

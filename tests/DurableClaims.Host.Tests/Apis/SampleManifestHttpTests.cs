using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DurableClaims.Contracts;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>Every sample in samples/claims ends as its manifest says when a portal and an adjuster drive it over the local host's HTTP API.</summary>
public sealed class SampleManifestHttpTests
{
    [Theory]
    [MemberData(nameof(SampleManifest.Ids), MemberType = typeof(SampleManifest))]
    public async Task Sample_DrivenOverHttp_ShouldEndAsTheManifestSays(string claimId)
    {
        var sample = SampleManifest.Get(claimId);
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions { Settings = Settings(sample) });
        using var client = host.CreateClient();
        var delivered = new HashSet<string>(StringComparer.Ordinal);

        using (var start = await client.PostAsync(new Uri("/api/claims", UriKind.Relative), ClaimWithNamedDocuments(sample, delivered)))
        {
            Assert.True(start.StatusCode == HttpStatusCode.Accepted, await start.Content.ReadAsStringAsync());
        }

        foreach (var step in sample.Steps ?? [])
        {
            await WaitAsync(client, claimId, s => s is ClaimStatusCodes.Paused);
            using var response = step.Action switch
            {
                "deliver" => await client.PostAsync(new Uri($"/api/claims/{claimId}/documents", UriKind.Relative), Files(sample.FilesToDeliver(step.Documents, delivered), delivered)),
                "review" => await client.PostAsJsonAsync(new Uri($"/api/claims/{claimId}/review", UriKind.Relative), new { step.Decision, step.Adjuster, step.Notes }),
                "advance" => null,
                _ => throw new InvalidOperationException($"Unknown step '{step.Action}'."),
            };
            Assert.True(response is null || response.StatusCode == HttpStatusCode.Accepted, response is null ? null : await response.Content.ReadAsStringAsync());
        }

        using var final = await WaitAsync(client, claimId, ClaimStatusCodes.IsTerminal);
        var root = final.RootElement;
        Assert.Equal((sample.Expected.Status, sample.Expected.Reason), (root.GetProperty("status").GetString(), root.GetProperty("reason").GetString()?.Split(':')[0]));
        Assert.Equal(sample.Expected.Awaiting, root.TryGetProperty("awaiting", out var awaiting) ? awaiting.GetString() : null);
        if (sample.Expected.PayableAmount is { } payable)
        {
            Assert.Equal(payable, root.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
        }
    }

    /// <summary>The manifest's settings; a clock step becomes a short real deadline (the host runs on the wall clock).</summary>
    private static Dictionary<string, string> Settings(SampleEntry sample)
    {
        var settings = (sample.Settings ?? new Dictionary<string, string?>()).ToDictionary(kv => kv.Key, kv => kv.Value ?? string.Empty, StringComparer.Ordinal);
        if (sample.Steps?.Any(s => s.Action == "advance") == true)
        {
            settings["Claims:DocumentDeadline"] = "00:00:02";
            settings["Claims:ReminderInterval"] = "00:00:01";
        }

        return settings;
    }

    /// <summary>The claim file with the documents it names, as a portal sends them: multipart, the claim in the "claim" part.</summary>
    private static MultipartFormDataContent ClaimWithNamedDocuments(SampleEntry sample, HashSet<string> delivered)
    {
        var claim = ClaimInputParser.Parse(File.ReadAllText(sample.ClaimFile), sample.File.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "application/json");
        var named = claim.Submission!.Documents.Select(d => d.Type).ToList();
        var form = Files(sample.FilesToDeliver(named.Count == 0 ? ["none"] : named, delivered), delivered);
        var part = new ByteArrayContent(File.ReadAllBytes(sample.ClaimFile));
        part.Headers.ContentType = new MediaTypeHeaderValue(sample.File.EndsWith(".md", StringComparison.Ordinal) ? "text/markdown" : "application/json");
        form.Add(part, "claim", sample.File);
        return form;
    }

    private static MultipartFormDataContent Files(IReadOnlyList<string> files, HashSet<string> delivered)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in files)
        {
            var type = Path.GetFileNameWithoutExtension(file);
            form.Add(new ByteArrayContent(File.ReadAllBytes(file)), type, Path.GetFileName(file));
            delivered.Add(type);
        }

        return form;
    }

    /// <summary>Polls the claim's status until it satisfies <paramref name="done"/> (at most 60 s).</summary>
    private static async Task<JsonDocument> WaitAsync(HttpClient client, string claimId, Func<string?, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        string? last = null;
        while (DateTime.UtcNow < until)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/claims/{claimId}", UriKind.Relative)));
            last = json.RootElement.GetProperty("status").GetString();
            if (done(last))
            {
                return json;
            }

            json.Dispose();
            await Task.Delay(50);
        }

        throw new TimeoutException($"Claim {claimId} is still {last} after 60 s.");
    }
}

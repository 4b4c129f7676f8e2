using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Commands;

/// <summary>Every sample in samples/claims ends as its manifest says when a user drives it with the built CLI (embedded task hub).</summary>
public sealed class SampleManifestCliTests : IDisposable
{
    private readonly TempDirectory _data = new("cli-samples");

    public void Dispose() => _data.Dispose();

    [Theory]
    [MemberData(nameof(SampleManifest.Ids), MemberType = typeof(SampleManifest))]
    public async Task Sample_DrivenThroughTheCli_ShouldEndAsTheManifestSays(string claimId)
    {
        var sample = Samples.Get(claimId);
        var environment = Environment(sample);
        var dataDirectory = _data.Combine("data");
        var delivered = new HashSet<string>(StringComparer.Ordinal);

        string[] documents = Directory.Exists(sample.DocumentsFolder) ? ["-d", sample.DocumentsFolder] : [];
        var last = await RunAsync(["process", sample.File, .. documents, "--json", "--data-dir", dataDirectory], environment);
        delivered.UnionWith(last.RootElement.GetProperty("receivedDocuments").EnumerateArray().Select(d => d.GetString()!));
        foreach (var step in sample.Entry.Steps ?? [])
        {
            last.Dispose();
            last = step.Action switch
            {
                "deliver" => await RunAsync(["resume", claimId, "-d", Folder(sample, step, delivered), "--json", "--data-dir", dataDirectory], environment),
                "review" => await RunAsync(
                    ["review", claimId, "--decision", step.Decision!, "--adjuster", step.Adjuster!, "--notes", step.Notes ?? string.Empty, "--json", "--data-dir", dataDirectory],
                    environment),
                "advance" => await AfterDeadlineAsync(["status", claimId, "--wait", "--json", "--data-dir", dataDirectory], environment),
                _ => throw new InvalidOperationException($"Unknown step '{step.Action}'."),
            };
        }

        using (last)
        {
            var root = last.RootElement;
            Assert.Equal((sample.ExpectedStatus, sample.ExpectedReason), (root.GetProperty("status").GetString(), Reason(root)));

            // A claim that needs an adjuster stops there, still open, instead of waiting out Claims:AutoCloseAfter.
            Assert.Equal(sample.Entry.Expected.Awaiting, Awaiting(root));
            if (sample.Entry.Expected.Awaiting is not null)
            {
                Assert.Equal("Running", root.GetProperty("runtimeStatus").GetString());
            }
            if (sample.PayableAmount is { } payable)
            {
                Assert.Equal(payable, root.GetProperty("decision").GetProperty("payableAmount").GetDecimal());
            }
        }
    }

    /// <summary>The manifest's settings as environment variables; a clock step becomes a short real deadline (the CLI runs on the wall clock).</summary>
    private static Dictionary<string, string> Environment(SampleClaim sample)
    {
        var environment = (sample.Entry.Settings ?? new Dictionary<string, string?>())
            .ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value ?? string.Empty, StringComparer.Ordinal);
        if (sample.Entry.Steps?.Any(s => s.Action == "advance") == true)
        {
            environment["Claims__DocumentDeadline"] = "00:00:03";
            environment["Claims__ReminderInterval"] = "00:00:01";
        }

        return environment;
    }

    /// <summary>A folder with the step's documents: the named types, or every sample document not delivered yet.</summary>
    private string Folder(SampleClaim sample, SampleStep step, HashSet<string> delivered)
    {
        var folder = _data.Combine($"deliver-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        foreach (var file in sample.Entry.FilesToDeliver(step.Documents, delivered))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            delivered.Add(Path.GetFileNameWithoutExtension(file));
        }

        return folder;
    }

    /// <summary>Lets the (shortened) deadline pass, then runs the command: a user checking on the claim later.</summary>
    private static async Task<JsonDocument> AfterDeadlineAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        return await RunAsync(args, environment);
    }

    private static async Task<JsonDocument> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var result = await CliProcess.RunAsync(args, environment, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonDocument.Parse(result.Stdout);
    }

    /// <summary>What a still-open claim waits for; null for a finished claim.</summary>
    private static string? Awaiting(JsonElement root)
        => root.TryGetProperty("awaiting", out var awaiting) && awaiting.ValueKind == JsonValueKind.String ? awaiting.GetString() : null;

    /// <summary>The reason code: error reasons carry the message after a colon.</summary>
    private static string? Reason(JsonElement root) => root.GetProperty("reason").GetString()?.Split(':')[0];
}

using DurableClaims.Contracts;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Samples;

/// <summary>Drives a sample through the workflow the way the portal and an adjuster would.</summary>
public static class SampleRunner
{
    public static string DocumentsFolder(string claimId) => RepositoryPaths.Combine("samples", "documents", claimId);

    public static ClaimSubmission Parse(SampleEntry sample)
    {
        var path = RepositoryPaths.Combine("samples", "claims", sample.File);
        var content = File.ReadAllText(path);
        var result = sample.File.EndsWith(".md", StringComparison.Ordinal)
            ? ClaimInputParser.ParseMarkdown(content, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WorkflowHost.Start))
            : ClaimInputParser.ParseJson(content, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(WorkflowHost.Start));
        Assert.True(result.IsValid, $"{sample.File}: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        return result.Submission;
    }

    /// <summary>Runs the sample to its end and returns the outcome.</summary>
    /// <param name="host">The workflow host.</param>
    /// <param name="sample">The manifest entry.</param>
    /// <param name="realTime">The task hub's timers follow the wall clock (Azure Storage): "advance" steps are left to the (shortened) deadlines.</param>
    public static async Task<ClaimOutcome> RunAsync(WorkflowHost host, SampleEntry sample, bool realTime = false)
    {
        var claim = Parse(sample);
        var delivered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in claim.Documents)
        {
            await UploadAsync(host, claim.ClaimId, document.Type, document.Filename);
            delivered.Add(document.Type);
        }

        await host.SubmitAsync(claim);
        foreach (var step in sample.Steps ?? [])
        {
            await host.WaitForIdleAsync(claim.ClaimId, p => p.Status == ClaimStatusCodes.Paused);
            switch (step.Action)
            {
                case "deliver":
                    await DeliverAsync(host, claim.ClaimId, step.Documents ?? ["all"], delivered);
                    break;
                case "advance" when realTime:
                    break;
                case "advance":
                    host.Advance(TimeSpan.Parse(step.By!, System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case "review":
                    await host.Client.RaiseEventAsync(claim.ClaimId, ClaimWorkflow.Events.AdjusterDecision, new AdjusterDecision(step.Decision!, step.Adjuster!, step.Notes));
                    break;
                default:
                    throw new InvalidOperationException($"Unknown step '{step.Action}'.");
            }
        }

        if (sample.Expected.Awaiting is { } awaiting)
        {
            // The claim keeps its status open for an adjuster: what the runtime shows is the custom status.
            var progress = await host.WaitForIdleAsync(claim.ClaimId, p => p.Awaiting == awaiting);
            return new ClaimOutcome { ClaimId = claim.ClaimId, Status = progress.Status, Reason = progress.Reason ?? string.Empty, CompletedAt = WorkflowHost.Start };
        }

        return await host.WaitForOutcomeAsync(claim.ClaimId);
    }

    private static async Task DeliverAsync(WorkflowHost host, string claimId, IReadOnlyList<string> types, HashSet<string> delivered)
    {
        var files = Directory.GetFiles(DocumentsFolder(claimId)).Order(StringComparer.Ordinal)
            .Where(f => types.Contains("all") ? !delivered.Contains(Path.GetFileNameWithoutExtension(f)) : types.Contains(Path.GetFileNameWithoutExtension(f)))
            .ToList();
        var documents = new List<ReceivedDocument>();
        foreach (var file in files)
        {
            var type = Path.GetFileNameWithoutExtension(file);
            var stored = await UploadAsync(host, claimId, type, Path.GetFileName(file));
            documents.Add(new ReceivedDocument(type, Path.GetFileName(file), stored.Location));
            delivered.Add(type);
        }

        await host.Client.RaiseEventAsync(claimId, ClaimWorkflow.Events.DocumentsReceived, new DocumentsReceived(documents, "sample"));
    }

    private static async Task<StoredDocument> UploadAsync(WorkflowHost host, string claimId, string type, string filename)
    {
        await using var content = File.OpenRead(Path.Combine(DocumentsFolder(claimId), filename));
        return await host.Documents.SaveAsync(claimId, type, filename, content);
    }
}

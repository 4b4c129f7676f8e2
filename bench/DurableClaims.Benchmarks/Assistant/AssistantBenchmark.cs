using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Assistant;
using DurableClaims.Host.Extensions;
using DurableClaims.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Benchmarks.Assistant;

/// <summary>
/// The claim assistant's costs: building a bounded prompt from long conversations (BM25 selection), appending to and
/// reading a conversation on the folder store, and asking over HTTP on a real host (offline model, streamed).
/// </summary>
public static class AssistantBenchmark
{
    private static readonly int[] HistorySizes = [50, 500, 5_000];
    private static readonly int[] StoreSizes = [50, 500, 2_000];

    /// <summary>Runs every part; <c>--asks N</c> sets how many questions go over HTTP (default 40).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var asks = BenchArgs.Int(args, "--asks", 40);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Claim assistant benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        await PromptAsync();
        await StoreAsync();
        return await AskOverHttpAsync(asks);
    }

    /// <summary>Selection plus prompt for histories of growing length: time, allocation and the prompt's size, which must stay flat.</summary>
    private static async Task PromptAsync()
    {
        Console.WriteLine();
        Console.WriteLine("Prompt building (BM25 selection + PromptBuilder; MaxContextMessages 8, 6 documents of ~4 KB; 200 runs each)");
        Console.WriteLine("| messages | p50 ms | p99 ms | allocated KB/prompt | prompt chars | context messages | asked-about message carried |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        var options = new AssistantOptions();
        var grounding = Grounding();
        var ranker = new Bm25Ranker();
        foreach (var size in HistorySizes)
        {
            var history = History(size);
            var needle = history[size / 3];
            const string question = "What did I say about the tow truck invoice from Harbor Towing?";
            var times = new List<double>();
            long allocated = 0;
            AssistantPrompt? prompt = null;
            for (var run = 0; run < 210; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                var context = await ContextSelector.SelectAsync(history, question, options.MaxContextMessages, ranker, CancellationToken.None);
                prompt = PromptBuilder.Build(grounding, context, question, options);
                clock.Stop();
                if (run >= 10)
                {
                    // The first runs warm the JIT; they are not the steady cost.
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {Percentile(times, 0.5):F2} | {Percentile(times, 0.99):F2} | {allocated / times.Count / 1024.0:F0} | {prompt!.Length:N0} | {prompt.Context.Count} | {(prompt.Context.Any(m => m.Id == needle.Id) ? "yes" : "no")} |"));
        }
    }

    /// <summary>Appends to one conversation on the folder store: the cost of the last 50 appends and of reading it whole.</summary>
    private static async Task StoreAsync()
    {
        Console.WriteLine();
        Console.WriteLine("Conversation store (folder; an append reads the file and writes it back under its ETag)");
        Console.WriteLine("| messages | append ms (mean of the last 50) | read all ms | file KB |");
        Console.WriteLine("| ---: | ---: | ---: | ---: |");
        var root = Path.Combine(Path.GetTempPath(), "durableclaims-assistant-bench", Guid.NewGuid().ToString("N"));
        try
        {
            var store = new ConversationStore(new FolderObjectContainer(root));
            foreach (var size in StoreSizes)
            {
                var claimId = $"CLM-BENCH-{size}";
                var info = new ConversationInfo { Id = ConversationIds.NewConversation(), ClaimId = claimId, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow };
                await store.CreateAsync(info);
                var history = History(size);
                var lastAppends = new List<double>();
                for (var i = 0; i < history.Count; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await store.AppendAsync(claimId, info.Id, history[i]);
                    if (i >= history.Count - 50)
                    {
                        lastAppends.Add(clock.Elapsed.TotalMilliseconds);
                    }
                }

                var read = Stopwatch.StartNew();
                var messages = await store.GetMessagesAsync(claimId, info.Id);
                read.Stop();
                var bytes = Directory.EnumerateFiles(Path.Combine(root, claimId), "*.jsonl", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {messages.Count:N0} | {lastAppends.Average():F2} | {read.Elapsed.TotalMilliseconds:F1} | {bytes / 1024.0:F0} |"));
            }
        }
        finally
        {
            BenchArgs.TryDelete(root);
        }
    }

    /// <summary>Questions over HTTP to a real local host (SQLite task hub, folder stores, offline model): first chunk and done, one at a time.</summary>
    private static async Task<int> AskOverHttpAsync(int asks)
    {
        Console.WriteLine();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "durableclaims-assistant-bench", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--data-dir", dataDirectory, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
        });
        builder.AddDurableClaimsHost();
        await using var app = builder.Build();
        app.MapDurableClaimsHost();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
            var claimId = await StartPausedClaimAsync(http);
            using var created = await http.PostAsync(new Uri($"/api/claims/{claimId}/conversations", UriKind.Relative), null);
            var conversationId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            string[] questions = ["Why is this claim paused?", "What documents are still missing?", "When is the deadline?", "What does the booking confirmation say?"];
            var firstChunk = new List<double>();
            var done = new List<double>();
            for (var i = 0; i < asks; i++)
            {
                var (first, end) = await AskAsync(http, claimId, conversationId, questions[i % questions.Length]);
                firstChunk.Add(first);
                done.Add(end);
            }

            using var history = await http.GetAsync(new Uri($"/api/claims/{claimId}/conversations/{conversationId}", UriKind.Relative));
            var stored = JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("messages").GetArrayLength();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ask over HTTP (local host on loopback, offline model, {asks} questions in one conversation, one at a time)"));
            Console.WriteLine("| first chunk p50 ms | first chunk p99 ms | done p50 ms | done p99 ms | messages stored |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Percentile(firstChunk, 0.5):F1} | {Percentile(firstChunk, 0.99):F1} | {Percentile(done, 0.5):F1} | {Percentile(done, 0.99):F1} | {stored} |"));
            return stored == asks * 2 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            BenchArgs.TryDelete(dataDirectory);
        }
    }

    private static async Task<string> StartPausedClaimAsync(HttpClient http)
    {
        const string claimId = "CLM-ASSISTANT-BENCH";
        var claim = $$"""
            {"claimId":"{{claimId}}","policyNumber":"POL-TRAVEL-5005","claimType":"travel","incidentDate":"2026-11-02",
             "amount":420,"currency":"EUR","claimant":{"name":"Amara Okafor","email":"amara@example.com"},
             "description":"Flight cancelled; hotel night and rebooking paid out of pocket.","documents":[]}
            """;
        using (var started = await http.PostAsync(new Uri("/api/claims", UriKind.Relative), new StringContent(claim, Encoding.UTF8, "application/json")))
        {
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"start returned {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}");
            }
        }

        await WaitForPauseAsync(http, claimId);
        var booking = Convert.ToBase64String(Encoding.UTF8.GetBytes("Booking PNR X1Y2Z3, flight LH 404 on 2026-11-02, cancelled by the airline."));
        using var documents = await http.PostAsync(
            new Uri($"/api/claims/{claimId}/documents", UriKind.Relative),
            new StringContent($$"""{"documents":[{"type":"booking_confirmation","filename":"booking.txt","contentBase64":"{{booking}}"}]}""", Encoding.UTF8, "application/json"));
        if (documents.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"documents returned {(int)documents.StatusCode}: {await documents.Content.ReadAsStringAsync()}");
        }

        // Still paused, now for the receipts only.
        await Task.Delay(500);
        await WaitForPauseAsync(http, claimId);
        return claimId;
    }

    private static async Task WaitForPauseAsync(HttpClient http, string claimId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var status = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            status = await http.GetStringAsync(new Uri($"/api/claims/{claimId}", UriKind.Relative));
            if (JsonDocument.Parse(status).RootElement.GetProperty("status").GetString() == "paused")
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The benchmark claim never paused: {status}");
    }

    private static async Task<(double FirstChunk, double Done)> AskAsync(HttpClient http, string claimId, string conversationId, string question)
    {
        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/claims/{claimId}/conversations/{conversationId}/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { question }), Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        double? first = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line == "event: chunk")
            {
                first ??= clock.Elapsed.TotalMilliseconds;
            }
            else if (line == "event: done")
            {
                return (first ?? clock.Elapsed.TotalMilliseconds, clock.Elapsed.TotalMilliseconds);
            }
            else if (line == "event: error")
            {
                throw new InvalidOperationException($"The answer failed: {await reader.ReadLineAsync()}");
            }
        }

        throw new InvalidOperationException("The stream ended without done.");
    }

    /// <summary>A conversation about a car claim with varied wording; one message in three hundred mentions the tow truck invoice.</summary>
    private static List<ConversationMessage> History(int count)
    {
        string[] topics =
        [
            "the police report and the other driver's statement", "the repair estimate from the body shop", "photos of the rear bumper",
            "the insurance exchange form", "the rental car while the car is repaired", "the deductible on the policy",
            "the adjuster's call on Tuesday", "the payment date and bank details",
        ];
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var messages = new List<ConversationMessage>(count);
        for (var i = 0; i < count; i++)
        {
            var user = i % 2 == 0;
            var content = i == count / 3
                ? "The tow truck invoice from Harbor Towing was 180 USD; the driver took the car to Lakeside Auto."
                : $"{(user ? "Question" : "Answer")} {i} about {topics[i % topics.Length]}: " + string.Join(' ', Enumerable.Range(0, 30).Select(w => topics[(i + w) % topics.Length].Split(' ')[w % 3]));
            messages.Add(new ConversationMessage
            {
                Id = $"msg-{i:D20}",
                Role = user ? ConversationMessage.UserRole : ConversationMessage.AssistantRole,
                Content = content,
                Summary = content.Length > 120 ? content[..120] : content,
                CreatedAt = start.AddMinutes(i),
            });
        }

        return messages;
    }

    private static ClaimGrounding Grounding()
    {
        var text = string.Join(' ', Enumerable.Range(0, 600).Select(i => $"word{i % 97}"));
        return new ClaimGrounding(
            "CLM-BENCH",
            new ClaimStatusView { ClaimId = "CLM-BENCH", Status = "paused", Awaiting = "documents", MissingDocuments = ["repair_estimate"] },
            [],
            [],
            [.. Enumerable.Range(0, 6).Select(i => new GroundingDocument("police_report", $"report-{i}.txt", $"Report {i}: {text}"))]);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DurableClaims.Benchmarks.Http;

/// <summary>Drives claims through the HTTP API the way the portal does: start, poll, post documents, poll.</summary>
public sealed class LoadDriver(HttpClient http)
{
    /// <summary>The status every load claim should end in (a small, fully documented travel claim).</summary>
    public const string ExpectedStatus = "approved";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly string _runTag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private readonly ConcurrentBag<double> _statusLatenciesMs = [];
    private readonly ConcurrentDictionary<string, string> _finalStatus = new(StringComparer.Ordinal);
    private int _errors;

    public string Prefix => $"LOAD-{_runTag}";

    public IReadOnlyCollection<double> StatusLatenciesMs => _statusLatenciesMs;

    public IReadOnlyDictionary<string, string> FinalStatus => _finalStatus;

    public int Errors => _errors;

    public async Task RunAsync(int claims, int inFlight)
    {
        await Parallel.ForEachAsync(
            Enumerable.Range(0, claims),
            new ParallelOptions { MaxDegreeOfParallelism = inFlight },
            async (i, ct) =>
            {
                var claimId = string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{i:D5}");
                try
                {
                    _finalStatus[claimId] = await RunClaimAsync(claimId, i, ct);
                }
                catch (Exception ex) when (ex is HttpRequestException or TimeoutException or JsonException)
                {
                    Interlocked.Increment(ref _errors);
                    _finalStatus[claimId] = "failed: " + ex.Message;
                }
            });
    }

    /// <summary>Lists every claim of this run through the paged API and counts DocumentsReceived per instance.</summary>
    public async Task<LoadVerification> VerifyAsync(int claims)
    {
        var listed = new List<string>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/claims?top=200");
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            listed.AddRange(page.EnumerateArray().Select(e => e.GetProperty("claimId").GetString()!).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal)));
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.First() : null;
        }
        while (token is not null);

        var multipleRaises = 0;
        foreach (var claimId in listed.Distinct())
        {
            using var response = await http.GetAsync($"/runtime/webhooks/durabletask/instances/{claimId}?showHistory=true");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            var raised = body.GetProperty("historyEvents").EnumerateArray()
                .Count(e => e.GetProperty("EventType").GetString() == "EventRaised"
                    && e.TryGetProperty("FunctionName", out var name) && name.GetString() == "DocumentsReceived");
            multipleRaises += raised == 1 ? 0 : 1;
        }

        var distinct = listed.Distinct().Count();
        return new LoadVerification(listed.Count, distinct, claims - distinct, listed.Count - distinct + multipleRaises);
    }

    private async Task<string> RunClaimAsync(string claimId, int index, CancellationToken ct)
    {
        var amount = 200 + (index % 40) * 10;
        var claim = $$"""
            {"claimId":"{{claimId}}","policyNumber":"POL-TRAVEL-5005","claimType":"travel","incidentDate":"2026-11-02",
             "amount":{{amount}},"currency":"EUR","claimant":{"name":"Load Test","email":"load@example.com"},
             "description":"Flight cancelled; hotel night and rebooking paid out of pocket.",
             "documents":[{"type":"booking_confirmation","filename":"booking.pdf"}]}
            """;
        using (var started = await http.PostAsync("/api/claims", new StringContent(claim, Encoding.UTF8, "application/json"), ct))
        {
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"start returned {(int)started.StatusCode}");
            }
        }

        var status = await PollAsync(claimId, s => s != "running", ct);
        if (status == "paused")
        {
            var documents = $$"""{"documents":[{"type":"receipts","filename":"receipts.pdf","contentBase64":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes("receipt " + claimId))}}"}]}""";
            using var posted = await http.PostAsync($"/api/claims/{claimId}/documents", new StringContent(documents, Encoding.UTF8, "application/json"), ct);
            if (posted.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"documents returned {(int)posted.StatusCode}");
            }

            status = await PollAsync(claimId, s => s is not ("running" or "paused"), ct);
        }

        return status;
    }

    private async Task<string> PollAsync(string claimId, Func<string, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/api/claims/{claimId}", ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            _statusLatenciesMs.Add(clock.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
            var status = body.GetProperty("status").GetString()!;
            if (done(status))
            {
                return status;
            }

            await Task.Delay(PollInterval, ct);
        }

        throw new TimeoutException($"{claimId} did not progress within 2 minutes");
    }
}

/// <summary>What the listing found: how many claims, distinct, lost and duplicated.</summary>
public sealed record LoadVerification(int Listed, int Distinct, int Lost, int Duplicated);

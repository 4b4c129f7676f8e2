using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Contracts;
using DurableClaims.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Cli.Clients;

/// <summary>Talks to a running host's /api routes (and its Durable management route for history) over HTTP.</summary>
internal sealed class HttpClaimsClient : IClaimsClient
{
    /// <summary>The named client registered with IHttpClientFactory.</summary>
    public const string ClientName = "durableclaims-server";

    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    public HttpClaimsClient(Uri server, string? functionsKey)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(ClientName, client =>
        {
            client.BaseAddress = server;
            client.Timeout = TimeSpan.FromSeconds(100);
            if (functionsKey is not null)
            {
                client.DefaultRequestHeaders.Add(FunctionKeys.Header, functionsKey);
            }
        });
        _services = services.BuildServiceProvider();
        _http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    public async Task<ApiResult<ManagementPayload>> StartClaimAsync(ClaimFile claim, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(documents);
        using HttpContent content = documents.Count == 0 ? new StringContent(claim.Content, Encoding.UTF8, claim.MediaType) : Multipart(claim, documents);
        using var response = await _http.PostAsync(Path(ApiRoutes.Claims), content, cancellationToken);
        return await HttpResults.ReadAsync<ManagementPayload>(response, cancellationToken);
    }

    /// <summary>The claim and its documents in one request, as <c>POST /api/claims</c> takes them (ClaimsHttp.ClaimPart).</summary>
    private static MultipartFormDataContent Multipart(ClaimFile claim, IReadOnlyList<DocumentFile> documents)
    {
        var form = new MultipartFormDataContent { { new StringContent(claim.Content, Encoding.UTF8, claim.MediaType), "claim", "claim" } };
        foreach (var document in documents)
        {
            form.Add(new ReadOnlyMemoryContent(document.Content), document.Type, document.FileName);
        }

        return form;
    }

    public Task<ApiResult<ClaimStatusView>> GetClaimAsync(string claimId, CancellationToken cancellationToken)
        => GetAsync<ClaimStatusView>(Path(ApiRoutes.Claim, claimId), cancellationToken);

    public async Task<ApiResult<DocumentsAccepted>> SubmitDocumentsAsync(string claimId, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken)
    {
        var body = new DocumentsRequest(documents
            .Select(d => new DocumentItem(d.Type, d.FileName, Convert.ToBase64String(d.Content.Span)))
            .ToList());
        using var response = await _http.PostAsJsonAsync(Path(ApiRoutes.ClaimDocuments, claimId), body, CliJson.Options, cancellationToken);
        return await HttpResults.ReadAsync<DocumentsAccepted>(response, cancellationToken);
    }

    public Task<ApiResult<AdjusterActionAccepted>> ReviewAsync(string claimId, ReviewRequest request, CancellationToken cancellationToken)
        => PostAsync<ReviewRequest, AdjusterActionAccepted>(ApiRoutes.ClaimReview, claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> ReopenAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => PostAsync<AdjusterActionRequest, AdjusterActionAccepted>(ApiRoutes.ClaimReopen, claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> RetryAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => PostAsync<AdjusterActionRequest, AdjusterActionAccepted>(ApiRoutes.ClaimRetry, claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> RemindAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => PostAsync<AdjusterActionRequest, AdjusterActionAccepted>(ApiRoutes.ClaimRemind, claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> CloseAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => PostAsync<AdjusterActionRequest, AdjusterActionAccepted>(ApiRoutes.ClaimClose, claimId, request, cancellationToken);

    public Task<ApiResult<ClaimLifecycleEvent>> AddNoteAsync(string claimId, NoteRequest request, CancellationToken cancellationToken)
        => PostAsync<NoteRequest, ClaimLifecycleEvent>(ApiRoutes.ClaimNotes, claimId, request, cancellationToken);

    public async Task<ApiResult<ClaimArchived>> ArchiveAsync(string claimId, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(Path(ApiRoutes.ClaimArchive, claimId), content: null, cancellationToken);
        return await HttpResults.ReadAsync<ClaimArchived>(response, cancellationToken);
    }

    public async Task<ApiResult<ClaimListPage>> ListClaimsAsync(ClaimListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new List<string>();
        Add(query, "status", request.Status);
        Add(query, "createdFrom", request.CreatedFrom);
        Add(query, "createdTo", request.CreatedTo);
        Add(query, "top", request.Top);
        var uri = Path(ApiRoutes.Claims) + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        if (request.ContinuationToken is not null)
        {
            message.Headers.Add(ApiRoutes.ContinuationTokenHeader, request.ContinuationToken);
        }

        using var response = await _http.SendAsync(message, cancellationToken);
        var result = await HttpResults.ReadAsync<List<ClaimStatusView>>(response, cancellationToken);
        if (!result.IsSuccess)
        {
            return result.Cast<ClaimListPage>();
        }

        var token = response.Headers.TryGetValues(ApiRoutes.ContinuationTokenHeader, out var values) ? values.FirstOrDefault() : null;
        return ApiResult.Ok<ClaimListPage>(new ClaimListPage(result.Value!, string.IsNullOrEmpty(token) ? null : token));
    }

    public async Task<ApiResult<IReadOnlyList<HistoryMessageView>>> GetHistoryAsync(string claimId, CancellationToken cancellationToken)
    {
        var result = await GetAsync<List<HistoryMessageView>>(Path(ApiRoutes.ClaimHistory, claimId), cancellationToken);
        return result.IsSuccess ? ApiResult.Ok<IReadOnlyList<HistoryMessageView>>(result.Value!) : result.Cast<IReadOnlyList<HistoryMessageView>>();
    }

    public async Task<ApiResult<IReadOnlyList<ClaimLifecycleEvent>>> GetEventsAsync(string claimId, CancellationToken cancellationToken)
    {
        var result = await GetAsync<List<ClaimLifecycleEvent>>(Path(ApiRoutes.ClaimEvents, claimId), cancellationToken);
        return result.IsSuccess ? ApiResult.Ok<IReadOnlyList<ClaimLifecycleEvent>>(result.Value!) : result.Cast<IReadOnlyList<ClaimLifecycleEvent>>();
    }

    public Task<ApiResult<DecisionPackageView>> GetPackageAsync(string claimId, CancellationToken cancellationToken)
        => GetAsync<DecisionPackageView>(Path(ApiRoutes.ClaimPackage, claimId), cancellationToken);

    public Task<ApiResult<ClaimStatistics>> GetStatsAsync(CancellationToken cancellationToken)
        => GetAsync<ClaimStatistics>(Path(ApiRoutes.Stats), cancellationToken);

    public Task<IReadOnlyList<ClaimStatusView>> ListArchivedAsync(IReadOnlyCollection<string>? statuses, int top, CancellationToken cancellationToken)
        => throw new CliInputException("--archived reads the session archive directly; the HTTP API archives a claim (durableclaims archive <claimId>) but does not list the archive. Run it without --server on the host's data directory.");

    public Task<RetentionResult> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => throw new CliInputException("cleanup runs on the data directory; the HTTP API has no clean-up route. Run it without --server where the host's data lives.");

    public async Task<ApiResult<ClaimDeleted>> DeleteClaimAsync(string claimId, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(Path(ApiRoutes.Claim, claimId), cancellationToken);
        return await HttpResults.ReadAsync<ClaimDeleted>(response, cancellationToken);
    }

    public async Task<HistorySummary> GetHistorySummaryAsync(string claimId, CancellationToken cancellationToken)
    {
        var uri = ApiRoutes.InstancePath(ApiRoutes.Instance, claimId) + "?showHistory=true";
        using var response = await _http.GetAsync(uri, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return HistorySummary.Empty;
        }

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!document.RootElement.TryGetProperty("historyEvents", out var history) || history.ValueKind != JsonValueKind.Array)
        {
            return HistorySummary.Empty;
        }

        // Durable Functions' showHistory names: EventType, FunctionName, EventId (absent for events without a task).
        return HistorySummary.From(history.EnumerateArray().Select(e => (
            e.TryGetProperty("EventType", out var type) ? type.GetString() ?? string.Empty : string.Empty,
            e.TryGetProperty("FunctionName", out var name) ? name.GetString() : null,
            e.TryGetProperty("EventId", out var id) && id.TryGetInt32(out var taskId) ? taskId : -1)).ToList());
    }

    public IClaimChangeSignal WatchClaims() => new PollingSignal(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<ApiResult<TResult>> PostAsync<TRequest, TResult>(string template, string claimId, TRequest body, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(Path(template, claimId), body, CliJson.Options, cancellationToken);
        return await HttpResults.ReadAsync<TResult>(response, cancellationToken);
    }

    private async Task<ApiResult<T>> GetAsync<T>(string uri, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(uri, cancellationToken);
        return await HttpResults.ReadAsync<T>(response, cancellationToken);
    }

    private static string Path(string template, string? claimId = null) => ApiRoutes.AppPath(template, claimId);

    private static void Add(List<string> query, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={Uri.EscapeDataString(value)}"));
        }
    }
}

using DurableClaims.Api;
using DurableClaims.Api.Adjusters;
using DurableClaims.Api.Management;
using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Contracts;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Cli.Clients;

/// <summary>Runs the claims workflow on the SQLite task hub in the data directory and calls the shared <see cref="ClaimsApiService"/> in-process.</summary>
/// <remarks>The worker holds an exclusive lock on the task hub for as long as this client lives; disposing it stops the worker.</remarks>
internal sealed class EmbeddedClaimsClient : IClaimsClient
{
    /// <summary>No host runs in embedded mode: links point at a reserved, never-resolving name.</summary>
    private static readonly ApiCallContext Call = new("http://embedded.invalid");

    private readonly IHost _host;
    private readonly ClaimsApiService _api;
    private readonly ClaimActionsService _actions;
    private readonly DurableTaskClient _durable;
    private readonly ILogger _logger;

    private EmbeddedClaimsClient(IHost host)
    {
        _host = host;
        _api = host.Services.GetRequiredService<ClaimsApiService>();
        _actions = host.Services.GetRequiredService<ClaimActionsService>();
        _durable = host.Services.GetRequiredService<DurableTaskClient>();
        _logger = host.Services.GetRequiredService<ILogger<EmbeddedClaimsClient>>();
    }

    /// <summary>Builds and starts the embedded host; a second process on the same data directory gets a clear error.</summary>
    public static async Task<EmbeddedClaimsClient> StartAsync(CliSettings settings, Action<ILoggingBuilder> configureLogging, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = await EmbeddedHost.StartAsync(settings, configureLogging, cancellationToken);
        var client = new EmbeddedClaimsClient(host);
        CliLog.EngineStarted(client._logger, settings.DataDirectory);
        return client;
    }

    public Task<ApiResult<ManagementPayload>> StartClaimAsync(ClaimFile claim, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(documents);
        var uploads = documents.Select(d => new DocumentUpload(d.Type, d.FileName, d.Content.ToArray())).ToList();
        return _api.StartClaimAsync(claim.Content, claim.MediaType, uploads, Call, cancellationToken);
    }

    public async Task<ApiResult<ClaimStatusView>> GetClaimAsync(string claimId, CancellationToken cancellationToken)
    {
        var result = await _api.GetClaimAsync(claimId, Call, cancellationToken);
        return result.IsSuccess ? ApiResult.Ok(WithoutLocalRoute(result.Value!)) : result;
    }

    public Task<ApiResult<DocumentsAccepted>> SubmitDocumentsAsync(string claimId, IReadOnlyList<DocumentFile> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var uploads = documents.Select(d => new DocumentUpload(d.Type, d.FileName, d.Content.ToArray())).ToList();
        return _api.SubmitDocumentsAsync(claimId, uploads, "cli", Call, cancellationToken);
    }

    public Task<ApiResult<AdjusterActionAccepted>> ReviewAsync(string claimId, ReviewRequest request, CancellationToken cancellationToken)
        => _actions.ReviewAsync(claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> ReopenAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => _actions.ReopenAsync(claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> RetryAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => _actions.RetryAsync(claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> RemindAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => _actions.RemindAsync(claimId, request, cancellationToken);

    public Task<ApiResult<AdjusterActionAccepted>> CloseAsync(string claimId, AdjusterActionRequest request, CancellationToken cancellationToken)
        => _actions.CloseAsync(claimId, request, cancellationToken);

    public Task<ApiResult<ClaimLifecycleEvent>> AddNoteAsync(string claimId, NoteRequest request, CancellationToken cancellationToken)
        => _actions.AddNoteAsync(claimId, request, cancellationToken);

    public Task<ApiResult<ClaimArchived>> ArchiveAsync(string claimId, CancellationToken cancellationToken)
        => _actions.ArchiveAsync(claimId, cancellationToken);

    public async Task<ApiResult<ClaimListPage>> ListClaimsAsync(ClaimListRequest request, CancellationToken cancellationToken)
    {
        var result = await _api.ListClaimsAsync(request, Call, cancellationToken);
        return result.IsSuccess
            ? ApiResult.Ok(result.Value! with { Claims = result.Value.Claims.Select(WithoutLocalRoute).ToList() })
            : result;
    }

    public Task<ApiResult<IReadOnlyList<HistoryMessageView>>> GetHistoryAsync(string claimId, CancellationToken cancellationToken)
        => _api.GetHistoryAsync(claimId, cancellationToken);

    public Task<ApiResult<IReadOnlyList<ClaimLifecycleEvent>>> GetEventsAsync(string claimId, CancellationToken cancellationToken)
        => _api.GetEventsAsync(claimId, cancellationToken);

    public Task<ApiResult<DecisionPackageView>> GetPackageAsync(string claimId, CancellationToken cancellationToken)
        => _api.GetPackageAsync(claimId, cancellationToken);

    public Task<ApiResult<ClaimStatistics>> GetStatsAsync(CancellationToken cancellationToken)
        => _api.GetStatsAsync(cancellationToken);

    public async Task<IReadOnlyList<ClaimStatusView>> ListArchivedAsync(IReadOnlyCollection<string>? statuses, int top, CancellationToken cancellationToken)
    {
        var sessions = _host.Services.GetRequiredService<ISessionStore>();
        var archived = await sessions.ListAsync(new SessionQuery { Archived = true, Statuses = statuses, Top = top }, cancellationToken);
        var views = new List<ClaimStatusView>(archived.Count);
        foreach (var metadata in archived)
        {
            var snapshot = await sessions.LoadStateAsync(metadata.ClaimId, cancellationToken);
            views.Add(ClaimStatusMapper.FromSession(snapshot?.Metadata ?? metadata, snapshot?.Context));
        }

        return views;
    }

    public Task<RetentionResult> CleanupAsync(DateTimeOffset olderThan, CancellationToken cancellationToken)
        => _api.CleanupAsync(olderThan, cancellationToken);

    public Task<ApiResult<ClaimDeleted>> DeleteClaimAsync(string claimId, CancellationToken cancellationToken)
        => _api.DeleteClaimAsync(claimId, cancellationToken);

    public async Task<HistorySummary> GetHistorySummaryAsync(string claimId, CancellationToken cancellationToken)
    {
        if (await _durable.GetInstanceAsync(claimId, false, cancellationToken) is null)
        {
            return HistorySummary.Empty;
        }

        var history = await _durable.GetOrchestrationHistoryAsync(claimId, cancellationToken);
        return HistorySummary.From(history.Select(HistoryEntry.From).Select(e => (e.EventType, e.Name, e.TaskId)));
    }

    public IClaimChangeSignal WatchClaims() => new PollingSignal(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>
    /// Drops an upload URL that points at the documents route: without a running host there is no
    /// such route (resume -d is the way in). A Blob Storage SAS URL is kept.
    /// </summary>
    private static ClaimStatusView WithoutLocalRoute(ClaimStatusView view)
        => view.UploadUrl is { } url && url.StartsWith(Call.BaseUrl, StringComparison.Ordinal) ? view with { UploadUrl = null } : view;
}

using DurableClaims.Api;
using DurableClaims.Api.Retention;
using DurableClaims.Functions.Durable;
using DurableClaims.Functions.Functions;
using DurableClaims.Functions.Hosting;
using DurableClaims.Http;
using DurableClaims.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Functions.Tests.Triggers;

/// <summary>The Functions app's trigger classes over the real claims workflow (Microsoft's worker and client on the SQLite task hub).</summary>
/// <remarks>
/// The worker would construct these classes from its container and hand each invocation a [DurableClient];
/// here they are constructed the same way (<see cref="ActivatorUtilities"/> over the workflow's services) and
/// called with the task hub's client: <see cref="Client"/> as is, or <see cref="BindingClient"/> wrapped as the binding wraps it.
/// </remarks>
public sealed class FunctionsApp : IAsyncDisposable
{
    private readonly TempDirectory _data;

    private FunctionsApp(TempDirectory data, WorkflowHost host)
    {
        (_data, Host) = (data, host);
        var factory = new ClaimsApiFactory(host.Services);
        var limits = Options.Create(new HttpLimits());
        Claims = ActivatorUtilities.CreateInstance<ClaimsFunctions>(host.Services, factory, limits);
        Adjusters = new AdjusterFunctions(factory);
        Uploads = ActivatorUtilities.CreateInstance<UploadFunctions>(host.Services, factory);
        UploadEvents = ActivatorUtilities.CreateInstance<UploadEventFunctions>(host.Services, factory, limits);
        BindingClient = DurableClientBinding.Wrap(host.Client);

        // What ASP.NET Core in the worker gives a request: logging, the app's HTTP JSON settings, and its public
        // base URL as under func start (WEBSITE_HOSTNAME=127.0.0.1:7071), never the request's Host header.
        var site = new ConfigurationBuilder().AddInMemoryCollection([new("WEBSITE_HOSTNAME", "127.0.0.1:7071")]).Build();
        RequestServices = new ServiceCollection().AddLogging().AddClaimsHttpJson()
            .AddSingleton(PublicBaseUrl.From(site, useWebsiteHostname: true))
            .AddSingleton(StorageHealth)
            .BuildServiceProvider();
        Http = new TriggerHttp(RequestServices);
    }

    public WorkflowHost Host { get; }

    /// <summary>Gets the task hub's client as a plain <see cref="DurableTaskClient"/> (no binding base URL, no system key).</summary>
    public DurableTaskClient Client => Host.Client;

    /// <summary>Gets the same client as the [DurableClient] binding hands it out in Azure (base URL and system key of <see cref="DurableClientBinding"/>).</summary>
    public DurableTaskClient BindingClient { get; }

    public ClaimsFunctions Claims { get; }

    public AdjusterFunctions Adjusters { get; }

    public UploadFunctions Uploads { get; }

    public UploadEventFunctions UploadEvents { get; }

    public IServiceProvider RequestServices { get; }

    /// <summary>Gets the app's storage-health tracker (what the worker registers as a singleton).</summary>
    public StorageHealth StorageHealth { get; } = new();

    /// <summary>Stores a document as an upload through the link would (the intake believes only blobs that exist).</summary>
    public async Task StoreDocumentAsync(string claimId, string type, string fileName, int size = 64)
    {
        using var content = new MemoryStream(Enumerable.Repeat((byte)'x', size).ToArray());
        await Host.Services.GetRequiredService<DurableClaims.Contracts.IDocumentStore>().SaveAsync(claimId, type, fileName, content);
    }

    public TriggerHttp Http { get; }

    /// <summary>Starts the workflow on a fresh data directory; settings are "Claims:…" keys or the flat ORCHESTRATION_* names.</summary>
    public static async Task<FunctionsApp> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var data = new TempDirectory("functions");
        try
        {
            return new FunctionsApp(data, await WorkflowHost.StartAsync(data.Path, settings));
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    /// <summary>Calls the StartClaim trigger with a claim body (the plain client unless another is given).</summary>
    /// <remarks>A JSON claim that names documents goes as a portal sends it: multipart, with a file per named document (names alone are not evidence).</remarks>
    public async Task<TriggerResponse> StartClaimAsync(string body, DurableTaskClient? client = null, string contentType = "application/json")
    {
        var named = contentType == "application/json" ? ClaimBodies.NamedDocumentFiles(body) : [];
        var request = named.Count == 0
            ? Http.Post("/api/claims", contentType, body)
            : await Http.MultipartAsync("/api/claims", [("claim", "claim.json", System.Text.Encoding.UTF8.GetBytes(body)), .. named]);
        return await TriggerHttp.RunAsync(request, await Claims.StartClaimAsync(request, client ?? Client, CancellationToken.None));
    }

    /// <summary>Starts a travel claim without its receipts through the trigger and waits until it pauses for them.</summary>
    public async Task<string> StartPausedAsync()
    {
        var claimId = TestClaims.NewId();
        var started = await StartClaimAsync(TestClaims.TravelJson(claimId, "booking_confirmation"));
        Assert.Equal(StatusCodes.Status202Accepted, started.StatusCode);
        await Host.WaitForPauseAsync(claimId);
        return claimId;
    }

    /// <summary>Calls the GetClaim trigger.</summary>
    public async Task<TriggerResponse> GetClaimAsync(string claimId, DurableTaskClient? client = null)
    {
        var request = Http.Get($"/api/claims/{claimId}");
        return await TriggerHttp.RunAsync(request, await Claims.GetClaimAsync(request, claimId, client ?? Client, CancellationToken.None));
    }

    /// <summary>Calls the SubmitDocuments trigger with a prepared request (JSON or multipart).</summary>
    public async Task<TriggerResponse> SubmitDocumentsAsync(string claimId, HttpRequest request)
        => await TriggerHttp.RunAsync(request, await Claims.SubmitDocumentsAsync(request, claimId, Client, CancellationToken.None));

    /// <summary>Calls the ReviewClaim trigger with a JSON decision.</summary>
    public async Task<TriggerResponse> ReviewAsync(string claimId, string decision, string adjuster, string? notes)
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new ReviewRequest(decision, adjuster, notes));
        var request = Http.Json($"/api/claims/{claimId}/review", body);
        return await TriggerHttp.RunAsync(request, await Adjusters.ReviewAsync(request, claimId, Client, CancellationToken.None));
    }

    /// <summary>The retention timer function with its window and clock (the worker binds them from Retention:* and TimeProvider).</summary>
    public RetentionFunctions Retention(int olderThanDays, TimeProvider time)
        => new(new ClaimsApiFactory(Host.Services), Options.Create(new RetentionOptions { OlderThanDays = olderThanDays }), time,
            Host.Services.GetRequiredService<ILogger<RetentionFunctions>>());

    public async ValueTask DisposeAsync()
    {
        await BindingClient.DisposeAsync();
        await Host.DisposeAsync();
        if (RequestServices is IDisposable disposable)
        {
            disposable.Dispose();
        }

        _data.Dispose();
    }
}

/// <summary>One <see cref="FunctionsApp"/> shared by a test class (each test uses its own claim ids).</summary>
public sealed class FunctionsAppFixture : IAsyncLifetime
{
    private FunctionsApp? _app;

    public FunctionsApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync() => _app = await FunctionsApp.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using System.Text.Json;
using DurableClaims.Api;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace DurableClaims.Host.Apis;

/// <summary>Live updates as server-sent events: <c>GET /api/claims/{claimId}/stream</c> (status and timeline) and <c>GET /api/claims/stream</c> (the list changed).</summary>
/// <remarks>
/// Streams compare cheap fingerprints once per interval and send only on change. They end on client disconnect, after
/// <see cref="ClaimStreamLimits.MaxDuration"/> (the browser's EventSource reconnects) and, for a claim, with an <c>end</c>
/// event once it is settled. Keys apply as on every /api route; EventSource cannot send headers, so the key comes as <c>code</c>.
/// </remarks>
public static class ClaimStreamsApi
{
    /// <summary>Polls of a settled claim without change before its stream ends: the session's last events are written just after the final status.</summary>
    private const int SettledTicksBeforeEnd = 3;

    public static RouteGroupBuilder MapClaimStreamsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var services = ((IEndpointRouteBuilder)api).ServiceProvider;
        var limits = ClaimStreamLimits.From(services.GetRequiredService<IConfiguration>());
        var list = new SharedFingerprint(limits.Interval, services.GetService<TimeProvider>() ?? TimeProvider.System);
        var streams = api.MapGroup(string.Empty).WithTags("Live updates");
        streams.MapGet(ClaimStreamRoutes.ClaimsStream, (HttpContext context, ClaimsApiService service)
            => StreamListAsync(context, service, limits, list))
            .WithName(ClaimStreamRoutes.ClaimsStreamName).Produces(200, contentType: "text/event-stream").ProducesProblem(503);
        streams.MapGet(ClaimStreamRoutes.ClaimStream, (string claimId, HttpContext context, ClaimsApiService service)
            => StreamClaimAsync(claimId, context, service, limits))
            .WithName(ClaimStreamRoutes.ClaimStreamName).Produces(200, contentType: "text/event-stream").ProducesProblem(404).ProducesProblem(503);
        return api;
    }

    private static async Task<IResult> StreamClaimAsync(string claimId, HttpContext context, ClaimsApiService service, ClaimStreamLimits limits)
    {
        if (!limits.TryAcquire())
        {
            return TooMany(context, limits);
        }

        try
        {
            var call = ApiResultHttp.CallContext(context.Request);
            var first = await service.GetClaimAsync(claimId, call, context.RequestAborted);
            if (!first.IsSuccess)
            {
                return first.ToHttp();
            }

            var json = Json(context);
            await RunAsync(context, limits, async (events, ct) =>
            {
                var claim = await service.GetClaimAsync(claimId, call, ct);
                if (!claim.IsSuccess)
                {
                    await events.SendAsync("end", """{"reason":"gone"}""", ct);
                    return false;
                }

                var changed = await events.SendIfChangedAsync("status", ClaimsApiService.StatusFingerprint(claim.Value!), claim.Value!, json, ct);
                var timeline = await service.GetEventsAsync(claimId, ct);
                if (timeline.IsSuccess)
                {
                    changed |= await events.SendIfChangedAsync("timeline", ClaimsApiService.EventsFingerprint(timeline.Value!), timeline.Value!, json, ct);
                }

                events.SettledTicks = ClaimsApiService.IsSettled(claim.Value!) && !changed ? events.SettledTicks + 1 : 0;
                if (events.SettledTicks < SettledTicksBeforeEnd)
                {
                    return true;
                }

                await events.SendAsync("end", JsonSerializer.Serialize(new { reason = "settled", status = claim.Value!.Status }, json), ct);
                return false;
            });
            return Results.Empty;
        }
        finally
        {
            limits.Release();
        }
    }

    private static async Task<IResult> StreamListAsync(HttpContext context, ClaimsApiService service, ClaimStreamLimits limits, SharedFingerprint list)
    {
        if (!limits.TryAcquire())
        {
            return TooMany(context, limits);
        }

        try
        {
            var call = ApiResultHttp.CallContext(context.Request);
            var json = Json(context);
            await RunAsync(context, limits, async (events, ct) =>
            {
                var fingerprint = await list.GetAsync(() => service.GetListFingerprintAsync(call, CancellationToken.None)).WaitAsync(ct);
                await events.SendIfChangedAsync("changed", fingerprint, new { fingerprint }, json, ct);
                return true;
            });
            return Results.Empty;
        }
        finally
        {
            limits.Release();
        }
    }

    /// <summary>Opens the stream and calls <paramref name="tick"/> once per interval until it returns false, the client leaves or the time is up.</summary>
    private static async Task RunAsync(HttpContext context, ClaimStreamLimits limits, Func<FingerprintedEvents, CancellationToken, Task<bool>> tick)
    {
        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        lifetime.CancelAfter(limits.MaxDuration);
        var token = lifetime.Token;
        try
        {
            var events = new FingerprintedEvents(await ServerSentEvents.OpenAsync(context, time, limits.Heartbeat, TimeSpan.FromSeconds(3), token));
            using var timer = new PeriodicTimer(limits.Interval, time);
            do
            {
                if (!await tick(events, token))
                {
                    return;
                }

                await events.Stream.HeartbeatIfIdleAsync(token);
            }
            while (await timer.WaitForNextTickAsync(token));
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client left, or the stream's time is up: the response ends and EventSource reconnects.
        }
    }

    private static ProblemHttpResult TooMany(HttpContext context, ClaimStreamLimits limits)
    {
        context.Response.Headers.RetryAfter = "30";
        return TypedResults.Problem(
            $"This host already serves {limits.MaxConcurrent} live streams. Poll the claim or the list instead, or retry later.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many live streams");
    }

    private static JsonSerializerOptions Json(HttpContext context)
        => context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    /// <summary>A stream that remembers the last fingerprint sent per event name.</summary>
    private sealed class FingerprintedEvents(ServerSentEvents stream)
    {
        private readonly Dictionary<string, string> _sent = new(StringComparer.Ordinal);

        public ServerSentEvents Stream { get; } = stream;

        public int SettledTicks { get; set; }

        public Task SendAsync(string name, string json, CancellationToken ct) => Stream.SendAsync(name, json, ct);

        public async Task<bool> SendIfChangedAsync<T>(string name, string fingerprint, T data, JsonSerializerOptions json, CancellationToken ct)
        {
            if (_sent.TryGetValue(name, out var last) && last == fingerprint)
            {
                return false;
            }

            await Stream.SendAsync(name, JsonSerializer.Serialize(data, json), ct);
            _sent[name] = fingerprint;
            return true;
        }
    }

    /// <summary>One list fingerprint shared by every list stream for an interval, so that N streams cost one scan, not N.</summary>
    private sealed class SharedFingerprint(TimeSpan maxAge, TimeProvider time)
    {
        private readonly Lock _gate = new();
        private Task<string>? _current;
        private DateTimeOffset _computedAt;

        public Task<string> GetAsync(Func<Task<string>> compute)
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_current is null || _current.IsFaulted || now - _computedAt >= maxAge)
                {
                    _current = compute();
                    _computedAt = now;
                }

                return _current;
            }
        }
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DurableClaims.Http;

/// <summary>Writes one <c>text/event-stream</c> response: named events with JSON data, and heartbeat comments while idle.</summary>
public sealed class ServerSentEvents
{
    private readonly HttpResponse _response;
    private readonly TimeProvider _time;
    private readonly TimeSpan _heartbeat;
    private DateTimeOffset _lastWrite;

    private ServerSentEvents(HttpResponse response, TimeProvider time, TimeSpan heartbeat)
    {
        _response = response;
        _time = time;
        _heartbeat = heartbeat;
        _lastWrite = time.GetUtcNow();
    }

    /// <summary>Starts the stream: headers sent at once, no buffering, and the client's reconnection delay when it is one that reconnects.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="time">The clock of the heartbeat.</param>
    /// <param name="heartbeat">How long the stream may stay silent before <see cref="HeartbeatIfIdleAsync"/> writes a comment.</param>
    /// <param name="reconnectDelay">Sent as <c>retry:</c> for an <c>EventSource</c> that reconnects; null for a one-off stream (an answer to a POST).</param>
    /// <param name="cancellationToken">Cancels the first write.</param>
    public static async Task<ServerSentEvents> OpenAsync(
        HttpContext context, TimeProvider time, TimeSpan heartbeat, TimeSpan? reconnectDelay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";

        // A proxy that buffers would hold every event back until the stream ends.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var stream = new ServerSentEvents(response, time, heartbeat);
        if (reconnectDelay is { } delay)
        {
            await stream.WriteAsync($"retry: {(long)delay.TotalMilliseconds}\n\n", cancellationToken);
        }
        else
        {
            // Headers go out at once even before the first event.
            await response.Body.FlushAsync(cancellationToken);
        }

        return stream;
    }

    /// <summary>Sends one event; <paramref name="json"/> is a single line of JSON.</summary>
    public Task SendAsync(string name, string json, CancellationToken cancellationToken)
        => WriteAsync($"event: {name}\ndata: {json}\n\n", cancellationToken);

    /// <summary>Sends a comment when nothing was written for the heartbeat interval, so that proxies and the client keep the connection.</summary>
    public Task HeartbeatIfIdleAsync(CancellationToken cancellationToken)
        => _time.GetUtcNow() - _lastWrite >= _heartbeat ? WriteAsync(": heartbeat\n\n", cancellationToken) : Task.CompletedTask;

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await _response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await _response.Body.FlushAsync(cancellationToken);
        _lastWrite = _time.GetUtcNow();
    }
}

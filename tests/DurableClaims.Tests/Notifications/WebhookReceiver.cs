using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DurableClaims.Notifications;

namespace DurableClaims.Tests.Notifications;

/// <summary>A loopback HTTP endpoint that records webhook deliveries and checks their signatures.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private readonly Task _loop;

    public WebhookReceiver(string secret)
    {
        _secret = secret;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hooks/");
        }

        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri Url { get; }

    /// <summary>Gets (event type, signature valid) per delivery, in arrival order.</summary>
    public ConcurrentQueue<(string Type, string Status, bool SignatureValid)> Deliveries { get; } = new();

    public void Dispose()
    {
        // Closing the listener ends the loop: GetContextAsync throws and the loop returns.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var timestamp = long.Parse(context.Request.Headers[WebhookSignature.TimestampHeader]!, CultureInfo.InvariantCulture);
            var valid = WebhookSignature.Verify(_secret, timestamp, body, context.Request.Headers[WebhookSignature.SignatureHeader]);
            using var json = JsonDocument.Parse(body);
            Deliveries.Enqueue((json.RootElement.GetProperty("event").GetString()!, json.RootElement.GetProperty("session").GetProperty("status").GetString()!, valid));
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace DurableClaims.Tests.Agents;

/// <summary>An https listener on 127.0.0.1 (free port, self-signed certificate) answering like an OpenAI-compatible chat completions endpoint.</summary>
/// <remarks>TLS because the SDK's bearer-token policy refuses to send tokens over plain http, as it must in production.</remarks>
public sealed class LoopbackChatEndpoint : IDisposable
{
    /// <summary>The assistant message every completion carries.</summary>
    public const string Reply = "The claim is complete.";

    private const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","created":1767225600,"model":"gpt-claims","choices":[{"index":0,"message":{"role":"assistant","content":"The claim is complete."},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}
        """;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackChatEndpoint()
    {
        Certificate = CreateCertificate();
        _listener.Start();
        Url = new Uri($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/openai/v1/");
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Gets the endpoint's base URL (<c>https://127.0.0.1:port/openai/v1/</c>).</summary>
    public Uri Url { get; }

    /// <summary>Gets the self-signed server certificate (the client is told to trust exactly this one).</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Gets each request's path and Authorization header, in arrival order.</summary>
    public ConcurrentQueue<(string Path, string? Authorization)> Requests { get; } = new();

    /// <summary>Returns a handler that trusts only this endpoint's certificate.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == Certificate.GetCertHashString() },
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
        Certificate.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Re-imported from PFX so that SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            using (client)
            {
                await AnswerAsync(client);
            }
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(Certificate);
        var (path, headers, bodyLength) = await ReadHeadAsync(tls);
        var body = new byte[bodyLength];
        await tls.ReadExactlyAsync(body);
        Requests.Enqueue((path, headers.GetValueOrDefault("authorization")));

        var content = Encoding.UTF8.GetBytes(Completion);
        var head = Encoding.ASCII.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n"));
        await tls.WriteAsync(head);
        await tls.WriteAsync(content);
        await tls.FlushAsync();
    }

    private static async Task<(string Path, Dictionary<string, string> Headers, int BodyLength)> ReadHeadAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || bytes[^4] != '\r' || bytes[^3] != '\n' || bytes[^2] != '\r' || bytes[^1] != '\n')
        {
            await stream.ReadExactlyAsync(one);
            bytes.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. bytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .ToDictionary(parts => parts[0].Trim().ToLowerInvariant(), parts => parts[1].Trim());
        var length = headers.TryGetValue("content-length", out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : 0;
        return (lines[0].Split(' ')[1], headers, length);
    }
}

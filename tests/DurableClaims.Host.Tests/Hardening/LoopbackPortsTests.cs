using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DurableClaims.Host.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Hardening;

/// <summary>Without keys the host binds loopback however the port was given: HTTPS_PORTS, HTTP_PORTS, Kestrel endpoints.</summary>
public sealed class LoopbackPortsTests
{
    [Fact(Timeout = 60_000)]
    public async Task Start_WithoutKeysAndHttpsPorts_ShouldListenOnLoopbackOnly()
    {
        using var folder = new TempDirectory("https-cert");
        var (path, password) = WriteCertificate(folder.Path);

        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Urls = string.Empty,
            Settings = new Dictionary<string, string>
            {
                ["HTTPS_PORTS"] = "0",
                ["Kestrel:Certificates:Default:Path"] = path,
                ["Kestrel:Certificates:Default:Password"] = password,
            },
        });

        Assert.Equal("https", host.BaseAddress.Scheme);
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_WithoutKeysAndAKestrelEndpointOnAllInterfaces_ShouldListenOnLoopbackOnly()
    {
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions
        {
            Urls = string.Empty,
            Settings = new Dictionary<string, string> { ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:0" },
        });

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
    }

    private static (string Path, string Password) WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var password = Guid.NewGuid().ToString("N");
        var path = System.IO.Path.Combine(folder, "localhost.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, password);
    }
}

using DurableClaims.Host.Security;
using DurableClaims.Host.Tests.Infrastructure;

namespace DurableClaims.Host.Tests.Security;

public sealed class LoopbackTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080", "http://127.0.0.1:5080")]
    [InlineData("http://*:5080", "http://127.0.0.1:5080")]
    [InlineData("http://+:80;https://[::]:443", "http://127.0.0.1:80;https://127.0.0.1:443")]
    [InlineData("http://example.com:5080/", "http://127.0.0.1:5080/")]
    public void Restrict_NonLoopbackUrls_ShouldRewriteToLoopback(string urls, string expected)
    {
        var (restricted, changed) = LoopbackBinding.Restrict(urls);

        Assert.True(changed);
        Assert.Equal(expected, restricted);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080;http://[::1]:5081")]
    public void Restrict_LoopbackUrls_ShouldKeepThem(string urls)
    {
        var (restricted, changed) = LoopbackBinding.Restrict(urls);

        Assert.False(changed);
        Assert.Equal(urls, restricted);
    }

    [Fact]
    public async Task Start_WithoutKeysOnAllInterfaces_ShouldListenOnLoopbackOnly()
    {
        await using var host = await KestrelClaimsHost.StartAsync(new TestHostOptions { Urls = "http://0.0.0.0:0" });

        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        using var response = await host.Client.GetAsync("/api/health");
        Assert.True(response.IsSuccessStatusCode);
    }
}

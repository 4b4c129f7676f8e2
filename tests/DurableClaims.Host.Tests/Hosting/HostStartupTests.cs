using DurableClaims.Host.Extensions;
using DurableClaims.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DurableClaims.Host.Tests.Hosting;

/// <summary>What the host's registration decides at start: settings validation and the request-log level.</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task Start_UploadPollIntervalZero_ShouldFailNamingTheSetting()
    {
        var options = new TestHostOptions { Settings = new Dictionary<string, string> { ["Uploads:PollInterval"] = "00:00:00" } };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => KestrelClaimsHost.StartAsync(options));

        Assert.Contains("Uploads:PollInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NegativeClaimLimit_ShouldFailNamingTheSetting()
    {
        var options = new TestHostOptions { Settings = new Dictionary<string, string> { ["Host:MaxClaimBytes"] = "-1" } };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => KestrelClaimsHost.StartAsync(options));

        Assert.Contains("Host:MaxClaimBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestLog_DefaultLevelInformation_ShouldStayAtWarningSoKeysInQueryStringsAreNotLogged()
    {
        var options = new TestHostOptions { Settings = new Dictionary<string, string> { ["Logging:LogLevel:Default"] = "Information" } };
        await using var host = await KestrelClaimsHost.StartAsync(options);

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(HostBuilderExtensions.RequestLogCategory);

        Assert.False(logger.IsEnabled(LogLevel.Information));
    }

    [Fact]
    public async Task RequestLog_LevelConfiguredForTheCategory_ShouldFollowConfiguration()
    {
        var options = new TestHostOptions
        {
            Settings = new Dictionary<string, string> { [$"Logging:LogLevel:{HostBuilderExtensions.RequestLogCategory}"] = "Information" },
        };
        await using var host = await KestrelClaimsHost.StartAsync(options);

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(HostBuilderExtensions.RequestLogCategory);

        Assert.True(logger.IsEnabled(LogLevel.Information));
    }
}

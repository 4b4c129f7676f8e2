using Microsoft.Extensions.Configuration;
using static Microsoft.DurableTask.Worker.DurableTaskWorkerOptions;

namespace DurableClaims.DurableTask.Hosting.Tests;

/// <summary>Versioning settings under host.json's names, read from configuration.</summary>
public sealed class DurableTaskVersioningTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("DurableTask:" + v.Key, v.Value)))
            .Build()
            .GetSection("DurableTask");

    [Fact]
    public void Read_NoVersionAnywhere_ShouldBeNullSoInstancesStayUnversioned()
    {
        Assert.Null(DurableTaskVersioning.Read(Section()));
    }

    [Fact]
    public void Read_OnlyTheBuildsVersion_ShouldStampAndRunItWithCurrentOrOlderAndReject()
    {
        var versioning = DurableTaskVersioning.Read(Section(), defaultVersion: "1");

        Assert.Equal(
            ("1", "1", VersionMatchStrategy.CurrentOrOlder, VersionFailureStrategy.Reject),
            (versioning?.Version, versioning?.DefaultVersion, versioning?.MatchStrategy, versioning?.FailureStrategy));
    }

    [Fact]
    public void Read_ConfiguredSettings_ShouldWinOverTheBuildsVersion()
    {
        var versioning = DurableTaskVersioning.Read(
            Section(("DefaultVersion", "2"), ("VersionMatchStrategy", "strict"), ("VersionFailureStrategy", "Fail")),
            defaultVersion: "1");

        Assert.Equal(("2", VersionMatchStrategy.Strict, VersionFailureStrategy.Fail), (versioning?.Version, versioning?.MatchStrategy, versioning?.FailureStrategy));
    }

    [Fact]
    public void Read_UnknownStrategy_ShouldThrowNamingTheSettingAndTheChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DurableTaskVersioning.Read(Section(("VersionMatchStrategy", "Newest")), "1"));

        Assert.Contains("DurableTask:VersionMatchStrategy 'Newest'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CurrentOrOlder", error.Message, StringComparison.Ordinal);
    }
}

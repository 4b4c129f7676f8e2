using System.Reflection;
using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class VersionCommandTests
{
    private static readonly string ExpectedVersion = typeof(Cli.CliApplication).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    [Fact]
    public async Task Version_Plain_ShouldPrintTheAssemblyVersion()
    {
        var result = await CliProcess.RunAsync(["version"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith($"durableclaims {ExpectedVersion}", result.Stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_Json_ShouldPrintOneJsonDocumentWithTheVersion()
    {
        var result = await CliProcess.RunAsync(["version", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(ExpectedVersion, json.RootElement.GetProperty("version").GetString());
    }
}

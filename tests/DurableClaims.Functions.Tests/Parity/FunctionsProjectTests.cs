using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DurableClaims.Functions.Tests.Infrastructure;
using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Parity;

/// <summary>The Functions project agrees with the settings and infrastructure it is deployed with.</summary>
public sealed partial class FunctionsProjectTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private static readonly XDocument Project = XDocument.Load(RepositoryPaths.Of($"{FunctionsSources.ProjectFolder}/DurableClaims.Functions.csproj"));

    [Fact]
    public void Project_ShouldCopyTheRootHostJsonIntoItsOutput()
    {
        var hostJson = Project.Descendants("None").SingleOrDefault(e => NormalizePath((string?)e.Attribute("Include")) == "../../host.json");

        Assert.NotNull(hostJson);
        Assert.Equal("host.json", (string?)hostJson.Attribute("Link"));
        Assert.Equal("PreserveNewest", (string?)hostJson.Attribute("CopyToOutputDirectory"));
    }

    [Fact]
    public void Project_ShouldDependOnlyOnTheClaimsLibraryAndTheSharedHttpLayerAndTakeVersionsFromCentralManagement()
    {
        // DurableClaims <- DurableClaims.Http <- {Host, Functions}: the Functions app never references a host.
        var references = Project.Descendants("ProjectReference").Select(e => NormalizePath((string?)e.Attribute("Include"))).ToList();
        Assert.Equal(["../DurableClaims/DurableClaims.csproj", "../DurableClaims.Http/DurableClaims.Http.csproj"], references);

        var packages = Project.Descendants("PackageReference").ToList();
        Assert.Contains(packages, p => (string?)p.Attribute("Include") == "Microsoft.Azure.Functions.Worker.Extensions.DurableTask");
        Assert.All(packages, p => Assert.Null(p.Attribute("Version")));

        var central = File.ReadAllText(RepositoryPaths.Of("Directory.Packages.props"));
        Assert.All(packages, p => Assert.Contains($"<PackageVersion Include=\"{(string?)p.Attribute("Include")}\"", central, StringComparison.Ordinal));
    }

    [Fact]
    public void UploadQueueTrigger_ShouldListenOnTheQueueEventGridDeliversTo()
    {
        var declared = QueueNameConstant().Match(FunctionsSources.Code);

        Assert.True(declared.Success, "UploadFunctions.QueueName not found");
        Assert.Equal(BicepTemplateTests.UploadQueueName, declared.Groups["name"].Value);
        Assert.Equal(BicepTemplateTests.UploadQueueName, (string?)main.Template.Variable("uploadQueueName"));
        Assert.Contains("[QueueTrigger(QueueName)]", FunctionsSources.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAppSettingABindingExpressionNames_ShouldBeSetLocallyAndInAzure()
    {
        // A %NAME% in a trigger that resolves to nothing stops the host from indexing the function.
        var names = BindingExpression().Matches(FunctionsSources.Code).Select(m => m.Groups["name"].Value).Distinct().ToList();
        Assert.NotEmpty(names);

        var local = JsonFiles.LocalSettingsValues();
        var azure = Assert.IsType<JsonObject>(main.Template.Variable("workflowSettings"));
        Assert.All(names, name =>
        {
            Assert.True(local.ContainsKey(name), $"{name} is missing from local.settings.sample.json");
            Assert.True(azure.ContainsKey(name), $"{name} is missing from the Function App settings (infra/main.bicep workflowSettings)");
        });
    }

    [Fact]
    public void AzureAppSettings_ShouldAllAppearInTheLocalSample()
    {
        // The same names configure the app in Azure and under `func start`.
        var local = JsonFiles.LocalSettingsValues();
        var azure = Assert.IsType<JsonObject>(main.Template.Variable("workflowSettings"));

        Assert.All(azure.Select(p => p.Key), key => Assert.True(local.ContainsKey(key), $"{key} is set in Azure but not in local.settings.sample.json"));
    }

    private static string NormalizePath(string? path) => (path ?? string.Empty).Replace('\\', '/');

    [GeneratedRegex("const string QueueName = \"(?<name>[^\"]+)\"")]
    private static partial Regex QueueNameConstant();

    [GeneratedRegex("\"%(?<name>[A-Za-z0-9_]+)%\"")]
    private static partial Regex BindingExpression();
}

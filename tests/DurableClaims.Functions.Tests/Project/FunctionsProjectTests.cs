using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DurableClaims.Functions.Functions;
using DurableClaims.Functions.Tests.Infrastructure;
using DurableClaims.Functions.Tests.Support;
using Microsoft.Azure.Functions.Worker;

namespace DurableClaims.Functions.Tests.Project;

/// <summary>The Functions project agrees with the settings and infrastructure it is deployed with.</summary>
public sealed partial class FunctionsProjectTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    private static readonly XDocument ProjectFile = XDocument.Load(RepositoryPaths.Of("src/DurableClaims.Functions/DurableClaims.Functions.csproj"));

    [Fact]
    public void Project_ShouldCopyTheRootHostJsonIntoItsOutput()
    {
        var hostJson = ProjectFile.Descendants("None").SingleOrDefault(e => NormalizePath((string?)e.Attribute("Include")) == "../../host.json");

        Assert.NotNull(hostJson);
        Assert.Equal("host.json", (string?)hostJson.Attribute("Link"));
        Assert.Equal("PreserveNewest", (string?)hostJson.Attribute("CopyToOutputDirectory"));
    }

    [Fact]
    public void Project_ShouldDependOnlyOnTheClaimsLibraryAndTheSharedHttpLayerAndTakeVersionsFromCentralManagement()
    {
        // DurableClaims <- DurableClaims.Http <- {Host, Functions}: the Functions app never references a host.
        var references = ProjectFile.Descendants("ProjectReference").Select(e => NormalizePath((string?)e.Attribute("Include"))).ToList();
        Assert.Equal(["../DurableClaims/DurableClaims.csproj", "../DurableClaims.Http/DurableClaims.Http.csproj"], references);

        var packages = ProjectFile.Descendants("PackageReference").ToList();
        Assert.Contains(packages, p => (string?)p.Attribute("Include") == "Microsoft.Azure.Functions.Worker.Extensions.DurableTask");
        Assert.All(packages, p => Assert.Null(p.Attribute("Version")));

        var central = File.ReadAllText(RepositoryPaths.Of("Directory.Packages.props"));
        Assert.All(packages, p => Assert.Contains($"<PackageVersion Include=\"{(string?)p.Attribute("Include")}\"", central, StringComparison.Ordinal));
    }

    [Fact]
    public void UploadQueueTrigger_ShouldListenOnTheQueueEventGridDeliversTo()
    {
        var trigger = Assert.IsType<QueueTriggerAttribute>(Assert.Single(CompiledTriggers.All, f => f.TriggerAttribute is QueueTriggerAttribute).TriggerAttribute);

        Assert.Equal(UploadFunctions.QueueName, trigger.QueueName);
        Assert.Equal(BicepTemplateTests.UploadQueueName, UploadFunctions.QueueName);
        Assert.Equal(BicepTemplateTests.UploadQueueName, (string?)main.Template.Variable("uploadQueueName"));
    }

    [Fact]
    public void EveryAppSettingABindingExpressionNames_ShouldBeSetLocallyAndInAzure()
    {
        // A %NAME% in a trigger that resolves to nothing stops the host from indexing the function.
        var names = CompiledTriggers.All
            .SelectMany(f => f.TriggerAttribute.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.PropertyType == typeof(string))
                .Select(p => p.GetValue(f.TriggerAttribute) as string))
            .SelectMany(value => BindingExpression().Matches(value ?? string.Empty).Select(m => m.Groups["name"].Value))
            .Distinct()
            .ToList();
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

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex BindingExpression();
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DurableClaims.Functions.Tests.Support;

namespace DurableClaims.Functions.Tests.Infrastructure;

/// <summary>infra/ must compile and lint cleanly offline, and deploy what the app relies on.</summary>
public sealed partial class BicepTemplateTests(CompiledMainTemplate main) : IClassFixture<CompiledMainTemplate>
{
    [Fact]
    public void BicepBuild_MainTemplate_ShouldCompileWithoutErrorsOrWarnings()
    {
        Assert.True(main.Build.ExitCode == 0, main.Build.ToString());
        Assert.Empty(main.Build.Diagnostics);
        Assert.EndsWith("subscriptionDeploymentTemplate.json#", (string?)main.Template.Json["$schema"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task BicepLint_EveryTemplateUnderInfra_ShouldReportNoErrorsOrWarnings()
    {
        var result = await BicepCli.RunAsync("lint", "--pattern", "infra/**/*.bicep");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Modules_ShouldAllBeLocalFiles()
    {
        // CI compiles offline: a registry (br:, br/public:) or template-spec (ts:) module cannot be restored.
        var offenders = Directory.EnumerateFiles(RepositoryPaths.Of("infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => ExternalModule().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void StorageAccount_ShouldForbidSharedKeyAndAnonymousAccess()
    {
        var (_, account) = Assert.Single(main.Template.AllResourcesOfType("Microsoft.Storage/storageAccounts"));

        Assert.False((bool?)account["properties"]?["allowSharedKeyAccess"] ?? true);
        Assert.False((bool?)account["properties"]?["allowBlobPublicAccess"] ?? true);
        Assert.Equal("TLS1_2", (string?)account["properties"]?["minimumTlsVersion"]);
    }

    [Fact]
    public void StorageModule_ShouldCreateEveryContainerAndQueueTheAppUses()
    {
        var containers = main.Template.Strings(main.Template.ModuleParameter("storage", "containers"));
        var queues = main.Template.Strings(main.Template.ModuleParameter("storage", "queues"));

        // design.md §5 session archive + upload area, and the Flex Consumption deployment package.
        Assert.Contains("sessions", containers);
        Assert.Contains("sessions-archive", containers);
        Assert.Contains("claim-documents", containers);
        Assert.Contains((string?)main.Template.Variable("deploymentContainerName"), containers);
        Assert.Contains(UploadQueueName, queues);
    }

    [Fact]
    public void FunctionApp_ShouldRunOnFlexConsumptionAsIsolatedDotnetWithUserAssignedIdentity()
    {
        var (_, template) = main.Template.Module("function-app");
        var plan = Assert.Single(template.ResourcesOfType("Microsoft.Web/serverfarms"));
        var site = Assert.Single(template.ResourcesOfType("Microsoft.Web/sites"));

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]?["type"]);
        Assert.Equal("dotnet-isolated", (string?)site["properties"]?["functionAppConfig"]?["runtime"]?["name"]);
        Assert.Equal("UserAssignedIdentity",
            (string?)site["properties"]?["functionAppConfig"]?["deployment"]?["storage"]?["authentication"]?["type"]);
        Assert.True((bool?)site["properties"]?["httpsOnly"]);
    }

    [Fact]
    public void FunctionAppSettings_ShouldUseIdentityBasedHostStorageAndNoFlexForbiddenSettings()
    {
        var (_, template) = main.Template.Module("function-app");
        var properties = Assert.Single(template.ResourcesOfType("Microsoft.Web/sites/config"))["properties"];
        var settings = properties is JsonValue expression ? expression.GetValue<string>() : properties?.ToJsonString() ?? string.Empty;

        foreach (var key in new[]
        {
            "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        })
        {
            Assert.True(DeclaresKey(settings, key), $"app setting {key} missing");
        }

        Assert.Contains("'managedidentity'", settings, StringComparison.Ordinal);

        // Flex Consumption rejects these (functionAppConfig.runtime replaces them); a connection
        // string would need shared keys, which the storage account forbids.
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", main.Build.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", main.Build.StandardOutput, StringComparison.Ordinal);
        Assert.False(DeclaresKey(settings, "AzureWebJobsStorage"), "a connection string would need shared keys");
        Assert.DoesNotContain("listKeys", main.Build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkflowSettings_ShouldCarryTheTaskHubAndOrchestrationSettings()
    {
        var settings = Assert.IsType<JsonObject>(main.Template.Variable("workflowSettings"));

        foreach (var key in new[] { "TASKHUB_NAME", "ORCHESTRATION_ENABLE_HITL", "ORCHESTRATION_MAX_ROUNDS", "ORCHESTRATION_STALL_THRESHOLD" })
        {
            Assert.True(settings.ContainsKey(key), $"app setting {key} missing");
        }

        var parameters = main.Template.Json["parameters"]!;
        Assert.Equal(15, (int?)parameters["orchestrationMaxRounds"]?["defaultValue"]);
        Assert.Equal(3, (int?)parameters["orchestrationStallThreshold"]?["defaultValue"]);
        Assert.True((bool?)parameters["orchestrationEnableHitl"]?["defaultValue"]);
    }

    [Fact]
    public void EventGridSubscription_ShouldQueueBlobCreatedEventsOfClaimDocumentsForTheUploadFunction()
    {
        var (_, template) = main.Template.Module("event-grid");
        var topic = Assert.Single(template.ResourcesOfType("Microsoft.EventGrid/systemTopics"));
        var subscription = Assert.Single(template.ResourcesOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        var properties = subscription["properties"]!;

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]?["topicType"]);
        Assert.Equal(new[] { "Microsoft.Storage.BlobCreated" },
            properties["filter"]!["includedEventTypes"]!.AsArray().Select(n => n?.GetValue<string>() ?? string.Empty));
        Assert.Equal("[format('/blobServices/default/containers/{0}/blobs/', parameters('documentsContainerName'))]",
            (string?)properties["filter"]!["subjectBeginsWith"]);
        Assert.Equal("claim-documents", (string?)main.Template.ModuleParameter("event-grid", "documentsContainerName"));

        var destination = properties["deliveryWithResourceIdentity"]!["destination"]!;
        Assert.Equal("StorageQueue", (string?)destination["endpointType"]);
        Assert.Equal("[parameters('queueName')]", (string?)destination["properties"]!["queueName"]);
        Assert.Equal(UploadQueueName, (string?)main.Template.ModuleParameter("event-grid", "queueName"));
    }

    [Fact]
    public void RoleAssignments_ShouldBeNamedWithGuidAndCoverTheAppIdentitysDataAccess()
    {
        var assignments = main.Template.AllResourcesOfType("Microsoft.Authorization/roleAssignments").ToList();
        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith("[guid(", (string?)a.Resource["name"], StringComparison.Ordinal));

        var compiled = main.Build.StandardOutput;
        foreach (var (role, id) in new[]
        {
            ("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b"),
            ("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88"),
            ("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"),
            ("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb"),
            ("Cognitive Services OpenAI User", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd"),
        })
        {
            Assert.True(compiled.Contains(id, StringComparison.Ordinal), $"no {role} assignment");
        }
    }

    [Fact]
    public void AzureOpenAi_ShouldBeDeployedOnlyWhenRequested()
    {
        var (deployment, _) = main.Template.Module("openai");

        Assert.Equal("[parameters('deployOpenAi')]", (string?)deployment["condition"]);
        Assert.False((bool?)main.Template.Json["parameters"]?["deployOpenAi"]?["defaultValue"] ?? true);
    }

    [Fact]
    public void MainTemplate_ShouldTagWithAzdEnvNameAndDeriveTheResourceToken()
    {
        var tags = Assert.IsType<JsonObject>(main.Template.Variable("tags"));

        Assert.Equal("[parameters('environmentName')]", (string?)tags["azd-env-name"]);
        Assert.Equal("[toLower(uniqueString(subscription().id, parameters('environmentName'), parameters('location')))]",
            (string?)main.Template.Variable("resourceToken"));
    }

    [Fact]
    public void Outputs_ShouldBeUpperSnakeCase()
    {
        var outputs = main.Template.Json["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", outputs);
        Assert.All(outputs, name => Assert.Matches(UpperSnake(), name));
    }

    [Fact]
    public void MainParameters_ShouldBindEveryRequiredParameterAndOnlyDeclaredOnes()
    {
        var declared = main.Template.Json["parameters"]!.AsObject();
        var bound = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Of("infra/main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(bound, p => Assert.True(declared.ContainsKey(p.Key), $"main.parameters.json binds unknown parameter {p.Key}"));
        var required = declared.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).ToList();
        Assert.All(required, name => Assert.True(bound.ContainsKey(name), $"required parameter {name} is not bound"));
        Assert.Equal("${AZURE_ENV_NAME}", (string?)bound["environmentName"]?["value"]);
        Assert.Equal("${AZURE_LOCATION}", (string?)bound["location"]?["value"]);
    }

    [Fact]
    public void AzureYaml_ShouldDeployTheFunctionsProjectToTheTaggedFunctionApp()
    {
        var yaml = File.ReadAllText(RepositoryPaths.Of("azure.yaml"));
        var service = AzdService().Match(yaml);
        Assert.True(service.Success, "azure.yaml declares no service");

        var body = service.Groups["body"].Value;
        Assert.Matches(@"(?m)^\s+project:\s*\.?/?src/DurableClaims\.Functions/?\s*$", body);
        Assert.Matches(@"(?m)^\s+language:\s*dotnet\s*$", body);
        Assert.Matches(@"(?m)^\s+host:\s*function\s*$", body);

        // azd finds the app by its azd-service-name tag, which function-app.bicep sets from serviceName.
        Assert.Equal(service.Groups["name"].Value, (string?)main.Template.ModuleParameter("function-app", "serviceName"));
    }

    [Fact]
    public void BicepCliVersion_ShouldMatchDirectoryPackagesProps()
    {
        var props = File.ReadAllText(RepositoryPaths.Of("Directory.Packages.props"));

        Assert.Matches($"<PackageVersion Include=\"Azure.Bicep.CommandLine.linux-x64\" Version=\"{Regex.Escape(BicepCli.Version)}\" />", props);
    }

    // App settings compile to createObject('key', value, ...) inside an expression, or to JSON properties.
    private static bool DeclaresKey(string compiled, string key) =>
        compiled.Contains($"'{key}'", StringComparison.Ordinal) || compiled.Contains($"\"{key}\":", StringComparison.Ordinal);

    /// <summary>The upload queue: Event Grid writes to it, the Functions queue trigger reads it (see UploadFunctions).</summary>
    internal const string UploadQueueName = "claim-document-events";

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(br[:/]|ts[:/])")]
    private static partial Regex ExternalModule();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex(@"(?ms)^services:\s*\n\s{2}(?<name>[A-Za-z0-9-]+):\s*\n(?<body>(?:\s{4}.*\n?)+)")]
    private static partial Regex AzdService();
}

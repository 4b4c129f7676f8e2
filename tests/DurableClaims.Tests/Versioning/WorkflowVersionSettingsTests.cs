using System.Text.Json.Nodes;
using DurableClaims.Testing;
using DurableClaims.Workflow;

namespace DurableClaims.Tests.Versioning;

/// <summary>The version a build starts claims on is the same for the local host and the Functions app.</summary>
public sealed class WorkflowVersionSettingsTests
{
    [Fact]
    public void HostJson_DefaultVersion_ShouldBeTheBuildsCurrentWorkflowVersion()
    {
        var durable = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")))?["extensions"]?["durableTask"];

        Assert.Equal(ClaimWorkflowVersions.Current, (string?)durable?["defaultVersion"]);
        Assert.Equal(("CurrentOrOlder", "Reject"), ((string?)durable?["versionMatchStrategy"], (string?)durable?["versionFailureStrategy"]));
    }
}

using System.Reflection;
using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Support;
using DurableClaims.Workflow;

namespace DurableClaims.Functions.Tests.Metadata;

/// <summary>The Functions app as the Functions host will load it: the functions.metadata its build generated.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly HashSet<string> NonRouteConstants = new(StringComparer.Ordinal)
    {
        nameof(ApiRoutes.ApiPrefix), nameof(ApiRoutes.ContinuationTokenHeader),
    };

    [Fact]
    public void HttpTriggers_ShouldServeExactlyTheAppRoutesOfTheSharedTable()
    {
        var appRoutes = typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && !NonRouteConstants.Contains(f.Name))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(route => !route.StartsWith(ApiRoutes.DurableBase, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        var served = FunctionsMetadata.Functions.Where(f => f.TriggerType == "httpTrigger").Select(f => f.Route!).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(appRoutes.Except(served).Order());
        Assert.Empty(served.Except(appRoutes).Order());
    }

    [Fact]
    public void HttpTriggers_ShouldEachDeclareTheirMethods()
    {
        var triggers = FunctionsMetadata.Functions.Where(f => f.TriggerType == "httpTrigger").ToList();

        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.NotEmpty(t.Methods));
    }

    [Fact]
    public void ClaimOrchestrator_ShouldBeIndexedWithAnOrchestrationTrigger()
    {
        var orchestrator = FunctionsMetadata.Functions.Single(f => f.Name == ClaimWorkflow.OrchestratorName);

        Assert.Equal("orchestrationTrigger", orchestrator.TriggerType);
    }

    [Fact]
    public void EveryWorkflowActivity_ShouldBeIndexedWithAnActivityTriggerUnderItsClassName()
    {
        var activities = typeof(ClaimOrchestrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "DurableClaims.Workflow.Activities" } && t.Name.EndsWith("Activity", StringComparison.Ordinal))
            .Select(t => t.Name)
            .ToList();
        Assert.NotEmpty(activities);

        var indexed = FunctionsMetadata.Functions.Where(f => f.TriggerType == "activityTrigger").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(activities, a => Assert.Contains(a, indexed));
    }

    [Fact]
    public void UploadIntakeAndRetention_ShouldBeIndexedWithTheirQueueAndTimerTriggers()
    {
        var triggers = FunctionsMetadata.Functions.Select(f => f.TriggerType).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("queueTrigger", triggers);
        Assert.Contains("timerTrigger", triggers);
    }
}

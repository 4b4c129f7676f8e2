using DurableClaims.Contracts;
using DurableClaims.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace DurableClaims.Functions.Tests.Project;

/// <summary>The compiled app runs the workflow's own orchestrator and activities under the names, inputs and outputs the local worker registers.</summary>
/// <remarks>
/// Durable Functions finds orchestrators and activities by [Function] name and binds the activity input by the
/// trigger parameter's type; a renamed function or a different input type fails in Azure only ("function not
/// found", a deserialisation error), never on the local worker.
/// </remarks>
public sealed class WorkflowFunctionsTests
{
    [Fact]
    public void EveryWorkflowActivity_ShouldHaveAnActivityFunctionOfItsNameWithItsInputAndOutputTypes()
    {
        var activities = typeof(ClaimOrchestrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (Type: t, Base: ActivityBase(t)))
            .Where(x => x.Base is not null)
            .ToList();
        Assert.NotEmpty(activities);
        var functions = CompiledTriggers.All.Where(f => f.TriggerAttribute is ActivityTriggerAttribute).ToDictionary(f => f.Name, StringComparer.Ordinal);

        Assert.All(activities, activity =>
        {
            Assert.True(functions.TryGetValue(activity.Type.Name, out var function), $"no activity function named {activity.Type.Name}");
            var types = activity.Base!.GetGenericArguments();
            Assert.Equal(types[0], function.Trigger.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(types[1]), function.Method.ReturnType);
        });
    }

    [Fact]
    public void ClaimOrchestrator_ShouldBeAnOrchestrationFunctionReturningTheClaimOutcome()
    {
        var orchestrator = Assert.Single(CompiledTriggers.All, f => f.TriggerAttribute is OrchestrationTriggerAttribute);

        Assert.Equal(ClaimWorkflow.OrchestratorName, orchestrator.Name);
        Assert.Equal(typeof(Task<ClaimOutcome>), orchestrator.Method.ReturnType);
    }

    private static Type? ActivityBase(Type type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(TaskActivity<,>))
            {
                return current;
            }
        }

        return null;
    }
}

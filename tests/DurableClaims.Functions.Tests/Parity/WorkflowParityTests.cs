using System.Text.RegularExpressions;
using DurableClaims.Contracts;
using DurableClaims.Functions.Tests.Support;
using DurableClaims.Workflow;
using Microsoft.DurableTask;

namespace DurableClaims.Functions.Tests.Parity;

/// <summary>The Functions app runs the same orchestrator and activities as the local worker, under the same names.</summary>
/// <remarks>
/// ClaimsWorkflowRegistration registers each class under its class name; Durable Functions finds
/// orchestrators and activities by [Function] name, so a missing or renamed function would make the
/// orchestration fail in Azure only ("function not found"), never in the local tests.
/// </remarks>
public sealed partial class WorkflowParityTests
{
    [Fact]
    public void EveryWorkflowActivity_ShouldHaveAnActivityFunctionOfTheSameNameAndInputType()
    {
        var activities = WorkflowTypes(typeof(TaskActivity<,>)).ToList();
        Assert.NotEmpty(activities);
        var code = FunctionsSources.Code;

        Assert.All(activities, activity =>
        {
            var function = Regex.Match(code,
                $@"\[Function\(nameof\({Regex.Escape(activity.Type.Name)}\)\)\]\s*public[^(]*\(\s*\[ActivityTrigger\]\s*(?<input>[\w<>.,\s]+?)\s+\w+\s*,");
            Assert.True(function.Success, $"no [Function(nameof({activity.Type.Name}))] with an [ActivityTrigger] parameter");
            Assert.Equal(CSharpName(activity.Input), Regex.Replace(function.Groups["input"].Value, @"\s+", " "));
        });
    }

    [Fact]
    public void FunctionsApp_ShouldRegisterTheWorkflowServicesOfTheLibrary()
    {
        var program = FunctionsSources.Files.Single(f => f.Path.EndsWith("/Program.cs", StringComparison.Ordinal)).Text;

        Assert.Contains("builder.Services.AddDurableClaims(builder.Configuration)", program, StringComparison.Ordinal);
        Assert.Contains("ConfigureFunctionsWebApplication()", program, StringComparison.Ordinal);
    }

    private static IEnumerable<(Type Type, Type Input)> WorkflowTypes(Type openBase) =>
        typeof(ClaimOrchestrator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false })
            .Select(t => (Type: t, Base: BaseOf(t, openBase)))
            .Where(x => x.Base is not null)
            .Select(x => (x.Type, x.Base!.GetGenericArguments()[0]));

    private static Type? BaseOf(Type type, Type openBase)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == openBase)
            {
                return current;
            }
        }

        return null;
    }

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(string)] = "string", [typeof(int)] = "int", [typeof(long)] = "long", [typeof(bool)] = "bool",
        [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(object)] = "object",
    };

    private static string CSharpName(Type type) =>
        Keywords.TryGetValue(type, out var keyword) ? keyword
        : type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>"
        : type.Name;
}

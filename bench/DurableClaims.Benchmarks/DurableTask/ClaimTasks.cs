using System.Text.Json;
using Microsoft.DurableTask;

namespace DurableClaims.Benchmarks.DurableTask;

/// <summary>Names shared by the claim-shaped workflow, the step-cost workflow and the harness.</summary>
internal static class ClaimNames
{
    public const string DocumentsReceived = nameof(DocumentsReceived);
    public const string Go = nameof(Go);

    // The custom status set just before the wait; the harness learns "waiting" from the step that commits it.
    public const string Waiting = "waiting for documents";

    /// <summary>The output a correctly completed instance has.</summary>
    public static string ExpectedOutput(string claimId, string documents) =>
        $"{claimId}|{documents}|{Work.Run(nameof(Decide), claimId).Length}";

    public static DurableTaskRegistry Register(DurableTaskRegistry registry) => registry
        .AddOrchestrator<ClaimShaped>()
        .AddActivity<Intake>().AddActivity<CheckDocuments>().AddActivity<Analyze>().AddActivity<Decide>()
        .AddOrchestrator<LongHistory>().AddActivity<Noop>();
}

/// <summary>The benchmark workload (issue §4): intake → checkDocuments → wait DocumentsReceived → analyze ×3 → decide.</summary>
internal sealed class ClaimShaped : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<string>(nameof(Intake), input);
        await context.CallActivityAsync<string>(nameof(CheckDocuments), input);
        context.SetCustomStatus(ClaimNames.Waiting);
        var documents = await context.WaitForExternalEvent<string>(ClaimNames.DocumentsReceived);
        context.SetCustomStatus("analyzing");
        for (var round = 0; round < 3; round++)
        {
            await context.CallActivityAsync<string>(nameof(Analyze), input);
        }

        var decision = await context.CallActivityAsync<string>(nameof(Decide), input);
        return $"{input}|{documents}|{decision.Length}";
    }
}

internal sealed class Intake : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Work.Run(nameof(Intake), input));
}

internal sealed class CheckDocuments : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Work.Run(nameof(CheckDocuments), input));
}

internal sealed class Analyze : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Work.Run(nameof(Analyze), input));
}

internal sealed class Decide : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Work.Run(nameof(Decide), input));
}

/// <summary>Step-cost workload: builds about 3 history events per activity, then waits for Go.</summary>
internal sealed class LongHistory : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        for (var i = 0; i < input; i++)
        {
            await context.CallActivityAsync<int>(nameof(Noop), i);
        }

        context.SetCustomStatus(ClaimNames.Waiting);
        return input + await context.WaitForExternalEvent<int>(ClaimNames.Go);
    }
}

internal sealed class Noop : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

/// <summary>Trivial work, as the issue prescribes: serialize a small object.</summary>
internal static class Work
{
    public static string Run(string step, string claimId) =>
        JsonSerializer.Serialize(new { step, claimId, amount = 1250.50m, approved = true });
}

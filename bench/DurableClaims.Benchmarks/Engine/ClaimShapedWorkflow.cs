using System.Text.Json;
using DurableClaims.Durable;

namespace DurableClaims.Benchmarks.Engine;

/// <summary>The benchmark workload (issue 2 §4): intake → checkDocuments → wait DocumentsReceived → analyze ×3 → decide.</summary>
internal static class ClaimShapedWorkflow
{
    public const string Name = "ClaimShaped";
    public const string Waiting = "waiting for documents";
    public const string DocumentsReceived = "DocumentsReceived";

    public static DurableTaskRegistry Register(DurableTaskRegistry registry) => registry
        .AddActivityFunc<string, string>("intake", (_, id) => Work("intake", id))
        .AddActivityFunc<string, string>("checkDocuments", (_, id) => Work("checkDocuments", id))
        .AddActivityFunc<string, string>("analyze", (_, id) => Work("analyze", id))
        .AddActivityFunc<string, string>("decide", (_, id) => Work("decide", id))
        .AddOrchestratorFunc<string, string>(Name, async (ctx, claimId) =>
        {
            await ctx.CallActivityAsync<string>("intake", claimId);
            await ctx.CallActivityAsync<string>("checkDocuments", claimId);
            ctx.SetCustomStatus(Waiting);
            var documents = await ctx.WaitForExternalEvent<string>(DocumentsReceived);
            ctx.SetCustomStatus("analyzing");
            for (var round = 0; round < 3; round++)
            {
                await ctx.CallActivityAsync<string>("analyze", claimId);
            }

            var decision = await ctx.CallActivityAsync<string>("decide", claimId);
            return $"{claimId}|{documents}|{decision.Length}";
        });

    /// <summary>The output a correctly completed instance has.</summary>
    public static string ExpectedOutput(string claimId, string documents) => $"{claimId}|{documents}|{Decision(claimId).Length}";

    // Trivial work: serialize a small object, as the issue prescribes.
    private static Task<string> Work(string step, string claimId)
        => Task.FromResult(JsonSerializer.Serialize(new { step, claimId, amount = 1250.50m, approved = true }));

    private static string Decision(string claimId) => JsonSerializer.Serialize(new { step = "decide", claimId, amount = 1250.50m, approved = true });
}

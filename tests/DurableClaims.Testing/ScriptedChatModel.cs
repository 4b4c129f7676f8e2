using System.Runtime.CompilerServices;
using DurableClaims.Agents;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Testing;

/// <summary>What a scripted reply is computed from: the agent speaking, the round and the case file.</summary>
public sealed record ScriptedTurn(string Agent, int Round, CaseFile? CaseFile, int CallNumber);

/// <summary>A chat model for tests whose replies come from a script, to force stalls, endless rounds and failures.</summary>
public sealed class ScriptedChatModel : IChatCompletionService
{
    private readonly Func<ScriptedTurn, string> _script;
    private int _calls;

    /// <summary>Creates a model that answers with <paramref name="script"/>.</summary>
    public ScriptedChatModel(Func<ScriptedTurn, string> script) => _script = script ?? throw new ArgumentNullException(nameof(script));

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { ["ModelId"] = "scripted" };

    /// <summary>Gets how many times the model was called.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every agent repeats the same finding and nobody recommends anything: the claim stalls.</summary>
    public static ScriptedChatModel Stalling() => new(turn => Reply("Nothing new to add; the file looks the same as before.", findings: ["The file is unchanged."]));

    /// <summary>The decision agent finds something new every round but never recommends: the claim hits max rounds.</summary>
    public static ScriptedChatModel NeverDeciding() => new(turn => turn.Agent == ClaimAgents.DecisionName
        ? Reply($"Round {turn.Round}: I checked one more detail and want to check another.", findings: [$"Checked detail {turn.Round}."])
        : Reply("No change.", findings: []));

    /// <summary>Approves everything in round 1 with the given risk score.</summary>
    public static ScriptedChatModel Approving(double risk = 0.1) => new(turn => turn.Agent == ClaimAgents.DecisionName
        ? Reply("Approve.", findings: ["Approved by script."], recommendation: "approve", risk: risk)
        : Reply("Fine.", findings: []));

    /// <summary>Throws when <paramref name="agent"/> speaks in an analysis round (round 1 or later).</summary>
    public static ScriptedChatModel FailingIn(string agent) => new(turn => turn.Agent == agent && turn.Round > 0
        ? throw new InvalidOperationException($"The model endpoint refused the {agent} agent (scripted failure).")
        : Reply("Fine.", findings: []));

    /// <summary>Formats a reply with a verdict block as the agents write it.</summary>
    public static string Reply(string text, IReadOnlyList<string> findings, string? recommendation = null, double? risk = null)
        => text + "\n" + new AgentVerdict { Findings = findings, Recommendation = recommendation, RiskScore = risk }.ToBlock();

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var agent = chatHistory.FirstOrDefault(m => m.Role == AuthorRole.System)?.AuthorName ?? string.Empty;
        var caseFile = CaseFile.FromPrompt(chatHistory.FirstOrDefault(m => m.Role == AuthorRole.User)?.Content);
        var text = _script(new ScriptedTurn(agent, caseFile?.Round ?? 0, caseFile, Interlocked.Increment(ref _calls)));
        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([new ChatMessageContent(AuthorRole.Assistant, text) { AuthorName = agent }]);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
        {
            yield return new StreamingChatMessageContent(message.Role, message.Content) { AuthorName = message.AuthorName };
        }
    }
}

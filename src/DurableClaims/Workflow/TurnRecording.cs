using DurableClaims.Agents;
using DurableClaims.Contracts;

namespace DurableClaims.Workflow;

/// <summary>Turns agent turns into history messages and tool_call events.</summary>
public static class TurnRecording
{
    /// <summary>The history roles.</summary>
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";
    public const string Tool = "tool";

    /// <summary>Returns the case-file summary, each tool call and each agent message, in order.</summary>
    public static IReadOnlyList<NewMessage> Messages(CaseFile caseFile, IReadOnlyList<AgentTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(turns);
        var messages = new List<NewMessage> { new(ClaimTeam.OrchestratorAuthor, User, caseFile.Summary()) };
        foreach (var turn in turns)
        {
            messages.AddRange(turn.ToolCalls.Select(call => new NewMessage(turn.Agent, Tool, $"{call.Function}({call.Arguments}) → {call.Result}")));
            messages.Add(new NewMessage(turn.Agent, Assistant, turn.Text));
        }

        return messages;
    }

    /// <summary>Returns one tool_call event per tool call, with ids derived from the step key.</summary>
    public static IReadOnlyList<ClaimLifecycleEvent> ToolEvents(string claimId, string stepKey, DateTimeOffset at, IReadOnlyList<AgentTurn> turns)
    {
        ArgumentNullException.ThrowIfNull(turns);
        return turns.SelectMany(t => t.ToolCalls)
            .Select((call, i) => new ClaimLifecycleEvent(
                FormattableString.Invariant($"{claimId}:{stepKey}:tool-{i + 1:D2}"), claimId, ClaimEventTypes.ToolCall, at,
                new Dictionary<string, object?> { ["agent"] = call.Agent, ["function"] = call.Function, ["arguments"] = call.Arguments }))
            .ToList();
    }
}

using System.Runtime.CompilerServices;
using DurableClaims.Agents.Plugins;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Agents.Offline;

/// <summary>The default chat model: an offline, deterministic claims analyst that reads the case file, calls the tools and applies the rules.</summary>
/// <remarks>It answers as the agent named by the system message's author, so one instance serves the whole team with no network.</remarks>
public sealed class OfflineClaimsModel : IChatCompletionService
{
    /// <summary>The model id reported in <see cref="Attributes"/>.</summary>
    public const string ModelId = "durableclaims-offline-analyst";

    /// <summary>The version decisions cite: the offline model ignores the prompts, so its rules' version is the whole story.</summary>
    public const string Version = "offline-rules/1";

    private readonly OfflineAnalyst _analyst;

    /// <summary>Creates the model.</summary>
    public OfflineClaimsModel(OfflineAnalyst analyst) => _analyst = analyst ?? throw new ArgumentNullException(nameof(analyst));

    public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?> { ["ModelId"] = ModelId };

    public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        cancellationToken.ThrowIfCancellationRequested();
        var agent = chatHistory.FirstOrDefault(m => m.Role == AuthorRole.System)?.AuthorName ?? string.Empty;
        var caseFile = CaseFile.FromPrompt(chatHistory.FirstOrDefault(m => m.Role == AuthorRole.User)?.Content);
        ChatMessageContent reply;
        if (caseFile is null)
        {
            reply = Text(agent, "I cannot find a case file in this conversation, so I have nothing to analyse.\n" + AgentVerdict.Empty.ToBlock());
        }
        else if (PendingToolCall(agent, caseFile, chatHistory, executionSettings, kernel) is { } call)
        {
            reply = new ChatMessageContent(AuthorRole.Assistant, [call]) { AuthorName = agent, ModelId = ModelId };
        }
        else
        {
            var toolResult = chatHistory.SelectMany(m => m.Items.OfType<FunctionResultContent>()).LastOrDefault()?.Result?.ToString();
            reply = Text(agent, _analyst.Write(agent, caseFile, toolResult));
        }

        return Task.FromResult<IReadOnlyList<ChatMessageContent>>([reply]);
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var message in await GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken))
        {
            yield return new StreamingChatMessageContent(message.Role, message.Content, modelId: ModelId) { AuthorName = message.AuthorName };
        }
    }

    /// <summary>Asks for the agent's tool once, when tools are offered and no result is in the conversation yet.</summary>
    private static FunctionCallContent? PendingToolCall(
        string agent, CaseFile caseFile, ChatHistory history, PromptExecutionSettings? settings, Kernel? kernel)
    {
        if (settings?.FunctionChoiceBehavior is null || kernel is null || history.Any(m => m.Items.OfType<FunctionResultContent>().Any()))
        {
            return null;
        }

        var (plugin, function, arguments) = agent switch
        {
            ClaimAgents.IntakeName => (PolicyPlugin.Name, "get_policy", new KernelArguments { ["policyNumber"] = caseFile.Claim.PolicyNumber }),
            ClaimAgents.DocumentsName => (RequirementsPlugin.Name, "get_required_documents", new KernelArguments { ["claimType"] = caseFile.Claim.ClaimType }),
            ClaimAgents.CoverageName => (PolicyPlugin.Name, "evaluate_coverage", new KernelArguments()),
            _ => (string.Empty, string.Empty, new KernelArguments()),
        };
        return plugin.Length > 0 && kernel.Plugins.TryGetFunction(plugin, function, out _)
            ? new FunctionCallContent(function, plugin, $"call_{agent}_{caseFile.Round}", arguments)
            : null;
    }

    private static ChatMessageContent Text(string agent, string content)
        => new(AuthorRole.Assistant, content) { AuthorName = agent, ModelId = ModelId };
}

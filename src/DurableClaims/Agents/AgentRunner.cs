using System.Text.Json;
using DurableClaims.Agents.Offline;
using DurableClaims.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Microsoft.SemanticKernel.Services;

namespace DurableClaims.Agents;

/// <summary>A tool call an agent made, with its result (recorded as a tool message and a tool_call event).</summary>
public sealed record ToolCallRecord(string Agent, string Function, string Arguments, string Result);

/// <summary>One agent's turn: its message, the verdict parsed from it and the tools it called.</summary>
public sealed record AgentTurn(string Agent, string Text, AgentVerdict Verdict, IReadOnlyList<ToolCallRecord> ToolCalls);

/// <summary>Runs one agent turn on <see cref="IChatCompletionService"/>, invoking the tools it asks for.</summary>
/// <remarks>
/// Tools are invoked here rather than by the connector (autoInvoke: false) so every model, the offline one
/// included, goes through the same loop and every call is recorded.
/// </remarks>
public sealed partial class AgentRunner
{
    private static readonly JsonSerializerOptions Json = AgentJson.Options;
    private readonly IChatCompletionService _model;
    private readonly ModelOptions _options;
    private readonly ILogger<AgentRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public AgentRunner(IChatCompletionService model, IOptions<ModelOptions> options, ILogger<AgentRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = options.Value;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Gets the model and prompt version the turns come from: <c>offline-rules/1</c>, or <c>&lt;model or deployment&gt;/&lt;prompt version&gt;</c>.</summary>
    public string ModelVersion => _model is OfflineClaimsModel
        ? OfflineClaimsModel.Version
        : $"{_model.GetModelId() ?? _options.Model ?? "unknown-model"}/{ClaimAgents.PromptVersion}";

    /// <summary>Runs <paramref name="agent"/> on the shared transcript.</summary>
    public async Task<AgentTurn> RunAsync(ClaimAgent agent, IReadOnlyList<ChatMessageContent> transcript, Kernel kernel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(transcript);
        ArgumentNullException.ThrowIfNull(kernel);
        var history = new ChatHistory();
        history.Add(new ChatMessageContent(AuthorRole.System, agent.Instructions) { AuthorName = agent.Name });
        history.AddRange(transcript);
        var functions = agent.Tools.Select(tool => tool.Split('.', 2)).Select(parts => kernel.Plugins.GetFunction(parts[0], parts[1])).ToList();
        var settings = new OpenAIPromptExecutionSettings
        {
            Temperature = 0,
            FunctionChoiceBehavior = functions.Count > 0 && _options.MaxToolCalls > 0 ? FunctionChoiceBehavior.Auto(functions, autoInvoke: false) : null,
        };

        var calls = new List<ToolCallRecord>();
        while (true)
        {
            var reply = await _model.GetChatMessageContentAsync(history, settings, kernel, cancellationToken);
            var requested = FunctionCallContent.GetFunctionCalls(reply).ToList();
            if (requested.Count == 0 || calls.Count >= _options.MaxToolCalls)
            {
                var text = reply.Content ?? string.Empty;
                LogTurn(_logger, agent.Name, calls.Count, text.Length);
                return new AgentTurn(agent.Name, text, AgentVerdict.Parse(text), calls);
            }

            history.Add(reply);
            foreach (var call in requested)
            {
                var result = await InvokeAsync(call, kernel, cancellationToken);
                history.Add(result.ToChatMessage());
                var name = string.IsNullOrEmpty(call.PluginName) ? call.FunctionName : $"{call.PluginName}.{call.FunctionName}";
                calls.Add(new ToolCallRecord(agent.Name, name, JsonSerializer.Serialize(call.Arguments ?? [], Json), result.Result?.ToString() ?? string.Empty));
            }
        }
    }

    private async Task<FunctionResultContent> InvokeAsync(FunctionCallContent call, Kernel kernel, CancellationToken cancellationToken)
    {
        try
        {
            return await call.InvokeAsync(kernel, cancellationToken);
        }
        catch (Exception ex) when (ex is KernelException or ArgumentException or KeyNotFoundException or JsonException)
        {
            // A model that names a missing tool or passes bad arguments gets the error back, as a person would.
            LogToolFailed(_logger, call.FunctionName, ex.Message);
            return new FunctionResultContent(call, $"Error: {ex.Message}");
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Agent {Agent} answered after {ToolCalls} tool calls ({Length} characters)")]
    private static partial void LogTurn(ILogger logger, string agent, int toolCalls, int length);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Tool {Function} failed: {Error}")]
    private static partial void LogToolFailed(ILogger logger, string function, string error);
}

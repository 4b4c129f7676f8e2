using System.Text.RegularExpressions;
using DurableClaims.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace DurableClaims.Assistant;

/// <summary>Writes an answer to a prompt, chunk by chunk.</summary>
public interface IAssistantModel
{
    /// <summary>Gets the model's name as stored with each answer (<c>offline</c> or the configured model).</summary>
    string Name { get; }

    /// <summary>Answers <paramref name="prompt"/>, passing each chunk of text to <paramref name="write"/> as it comes; returns what the answer used.</summary>
    Task<AnswerUse> AnswerAsync(AssistantPrompt prompt, ClaimGrounding grounding, Func<string, CancellationToken, ValueTask> write, CancellationToken cancellationToken);
}

/// <summary>What an answer rested on.</summary>
/// <param name="Sources">Claim facts, documents and earlier messages the answer used.</param>
/// <param name="Topic">The document the answer was about (<c>type/filename</c>), for follow-ups.</param>
public sealed record AnswerUse(IReadOnlyList<AssistantSource> Sources, string? Topic);

/// <summary>Answers with the configured chat model (Semantic Kernel over the OpenAI-compatible or Azure OpenAI endpoint), streamed.</summary>
/// <remarks>The model is given the whole bounded prompt; the sources are what the prompt carried that bears on the question
/// (claim facts, documents scoring above zero, the earlier messages selected).</remarks>
public sealed class ChatModelAssistant(IChatCompletionService chat, IOptions<ModelOptions> model) : IAssistantModel
{
    public string Name => model.Value.Model ?? ModelOptions.OpenAIProvider;

    public async Task<AnswerUse> AnswerAsync(
        AssistantPrompt prompt, ClaimGrounding grounding, Func<string, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(write);
        await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(prompt.ToChatHistory(), new PromptExecutionSettings(), null, cancellationToken))
        {
            if (!string.IsNullOrEmpty(chunk.Content))
            {
                await write(chunk.Content, cancellationToken);
            }
        }

        var sources = prompt.Sources.Concat(prompt.Context.Select(m => new AssistantSource(AssistantSource.MessageKind, m.Id, m.Role))).ToList();
        return new AnswerUse(sources, prompt.Documents.FirstOrDefault(d => d.NameMatch)?.Document.Id);
    }
}

/// <summary>Splits a finished text into word chunks, so that the offline answer streams as a model's would.</summary>
public static partial class AnswerChunks
{
    /// <summary>Words per chunk.</summary>
    public const int Words = 4;

    /// <summary>The chunks of <paramref name="text"/>; joined they give the text back exactly.</summary>
    public static IEnumerable<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        for (var i = 0; i < words.Count; i += Words)
        {
            yield return string.Concat(words.Skip(i).Take(Words));
        }
    }

    [GeneratedRegex(@"\s*\S+|\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}

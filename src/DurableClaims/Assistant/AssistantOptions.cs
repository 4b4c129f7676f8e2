using System.Globalization;
using DurableClaims.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace DurableClaims.Assistant;

/// <summary>The claim assistant's settings, bound from "Claims:Assistant" and the flat <c>DURABLECLAIMS_ASSISTANT_*</c> names.</summary>
public sealed class AssistantOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Assistant";

    /// <summary>Flat name of <see cref="SummarizeWithModel"/> (the original service's <c>SUMMARIZE_LLM</c>).</summary>
    public const string SummarizeLlmName = "DURABLECLAIMS_ASSISTANT_SUMMARIZE_LLM";

    /// <summary>Flat name of <see cref="UseEmbeddings"/> (the original service's <c>USE_EMBEDDINGS</c>).</summary>
    public const string UseEmbeddingsName = "DURABLECLAIMS_ASSISTANT_USE_EMBEDDINGS";

    /// <summary>Flat name of <see cref="MaxContextMessages"/> (the original service's <c>MAX_CONTEXT_MESSAGES</c>).</summary>
    public const string MaxContextMessagesName = "DURABLECLAIMS_ASSISTANT_MAX_CONTEXT_MESSAGES";

    /// <summary>Gets or sets whether each turn is summarised by the configured model (the offline model always uses the deterministic summariser).</summary>
    public bool SummarizeWithModel { get; set; } = true;

    /// <summary>Gets or sets whether earlier messages are ranked by embedding similarity through the configured endpoint instead of BM25.</summary>
    public bool UseEmbeddings { get; set; }

    /// <summary>Gets or sets the most earlier messages a prompt carries (the two latest plus the most relevant others).</summary>
    public int MaxContextMessages { get; set; } = 8;

    /// <summary>Gets or sets the longest question, in characters.</summary>
    public int MaxQuestionChars { get; set; } = 4000;

    /// <summary>Gets or sets how many characters of the claim's documents a prompt carries at most (the most relevant documents first).</summary>
    public int MaxDocumentChars { get; set; } = 12_000;

    /// <summary>Gets or sets how many of the claim's latest agent messages and lifecycle events a prompt carries.</summary>
    public int MaxClaimHistoryItems { get; set; } = 12;

    /// <summary>Gets or sets the embedding model or deployment name used when <see cref="UseEmbeddings"/> is on.</summary>
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>Gets the flat names that held values that could not be read (reported by the validator).</summary>
    internal List<string> FlatNameErrors { get; } = [];

    /// <summary>Applies the flat <c>DURABLECLAIMS_ASSISTANT_*</c> names, which win over the section.</summary>
    internal static void ApplyFlatNames(IConfiguration configuration, AssistantOptions options)
    {
        if (ClaimsConfiguration.ReadBool(configuration, SummarizeLlmName, options.FlatNameErrors) is { } summarize)
        {
            options.SummarizeWithModel = summarize;
        }

        if (ClaimsConfiguration.ReadBool(configuration, UseEmbeddingsName, options.FlatNameErrors) is { } embeddings)
        {
            options.UseEmbeddings = embeddings;
        }

        var max = configuration[MaxContextMessagesName];
        if (!string.IsNullOrWhiteSpace(max))
        {
            if (int.TryParse(max, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                options.MaxContextMessages = number;
            }
            else
            {
                options.FlatNameErrors.Add($"{MaxContextMessagesName} must be a whole number (was '{max}').");
            }
        }
    }
}

/// <summary>Checks <see cref="AssistantOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class AssistantOptionsValidator : IValidateOptions<AssistantOptions>
{
    public ValidateOptionsResult Validate(string? name, AssistantOptions options)
    {
        var errors = new List<string>(options.FlatNameErrors);
        const string Section = AssistantOptions.SectionName;
        ClaimsOptionsValidator.Check(errors, options.MaxContextMessages is >= 2 and <= 200,
            $"{Section}:MaxContextMessages ({AssistantOptions.MaxContextMessagesName}) must be between 2 and 200 (was {options.MaxContextMessages}).");
        ClaimsOptionsValidator.Check(errors, options.MaxQuestionChars is >= 1 and <= 32_000,
            $"{Section}:MaxQuestionChars must be between 1 and 32000 (was {options.MaxQuestionChars}).");
        ClaimsOptionsValidator.Check(errors, options.MaxDocumentChars is >= 0 and <= 1_000_000,
            $"{Section}:MaxDocumentChars must be between 0 and 1000000 (was {options.MaxDocumentChars}).");
        ClaimsOptionsValidator.Check(errors, options.MaxClaimHistoryItems is >= 0 and <= 500,
            $"{Section}:MaxClaimHistoryItems must be between 0 and 500 (was {options.MaxClaimHistoryItems}).");
        ClaimsOptionsValidator.Check(errors, !options.UseEmbeddings || !string.IsNullOrWhiteSpace(options.EmbeddingModel),
            $"{Section}:EmbeddingModel must name a model when embeddings are on ({AssistantOptions.UseEmbeddingsName}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

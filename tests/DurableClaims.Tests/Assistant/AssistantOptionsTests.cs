using DurableClaims.Assistant;
using DurableClaims.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DurableClaims.Tests.Assistant;

/// <summary>The assistant's settings: the section, the original service's flat names (which win) and start-up validation.</summary>
public sealed class AssistantOptionsTests
{
    private static AssistantOptions Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddLogging().AddDurableClaims(configuration).AddClaimAssistant(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<AssistantOptions>>().Value;
    }

    [Fact]
    public void Bind_FlatNames_ShouldWinOverTheSection()
    {
        var options = Read(new()
        {
            ["Claims:Assistant:MaxContextMessages"] = "4",
            ["DURABLECLAIMS_ASSISTANT_MAX_CONTEXT_MESSAGES"] = "12",
            ["DURABLECLAIMS_ASSISTANT_SUMMARIZE_LLM"] = "false",
            ["DURABLECLAIMS_ASSISTANT_USE_EMBEDDINGS"] = "true",
        });

        Assert.Equal((12, false, true), (options.MaxContextMessages, options.SummarizeWithModel, options.UseEmbeddings));
    }

    [Fact]
    public void Bind_Section_ShouldSetTheLimits()
    {
        var options = Read(new() { ["Claims:Assistant:MaxQuestionChars"] = "500", ["Claims:Assistant:MaxContextMessages"] = "6" });

        Assert.Equal((500, 6), (options.MaxQuestionChars, options.MaxContextMessages));
    }

    [Theory]
    [InlineData("DURABLECLAIMS_ASSISTANT_MAX_CONTEXT_MESSAGES", "1", "MaxContextMessages")]
    [InlineData("DURABLECLAIMS_ASSISTANT_MAX_CONTEXT_MESSAGES", "many", "DURABLECLAIMS_ASSISTANT_MAX_CONTEXT_MESSAGES must be a whole number")]
    [InlineData("DURABLECLAIMS_ASSISTANT_USE_EMBEDDINGS", "perhaps", "DURABLECLAIMS_ASSISTANT_USE_EMBEDDINGS must be true or false")]
    [InlineData("Claims:Assistant:MaxQuestionChars", "0", "Claims:Assistant:MaxQuestionChars must be between 1 and 32000")]
    public void Validate_BadSetting_ShouldFailNamingIt(string name, string value, string message)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Read(new() { [name] = value }));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}

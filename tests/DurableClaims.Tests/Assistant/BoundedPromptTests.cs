using System.Globalization;
using DurableClaims.Assistant;
using Xunit.Abstractions;
using static DurableClaims.Tests.Assistant.AssistantTestClaims;

namespace DurableClaims.Tests.Assistant;

/// <summary>Long conversations give bounded prompts that still carry the earlier message a question is about.</summary>
public sealed class BoundedPromptTests(ITestOutputHelper output)
{
    private const string Needle = "The tow truck invoice from Northside Towing is number TX-4471 for 260 EUR.";

    private static readonly string[] Fillers =
    [
        "Did the rental car company send the contract for the replacement vehicle?",
        "The adjuster checked the policy period and the deductible again.",
        "Please summarise the customer's phone call about the paint colour.",
        "The garage asked whether the headlight should be repaired or replaced.",
        "What did the claimant say about the weather that morning?",
        "The tow truck driver called about the rental car.",
    ];

    /// <summary>A conversation of <paramref name="count"/> messages with <see cref="Needle"/> as message 137.</summary>
    private static List<ConversationMessage> History(int count)
        => [.. Enumerable.Range(0, count).Select(i => Turn(
            i % 2 == 0 ? ConversationMessage.UserRole : ConversationMessage.AssistantRole,
            i == 137 ? Needle : $"{Fillers[i % Fillers.Length]} (turn {i.ToString(CultureInfo.InvariantCulture)})",
            minute: i))];

    private static async Task<AssistantPrompt> PromptAsync(int messages, string question)
    {
        var options = new AssistantOptions();
        var context = await ContextSelector.SelectAsync(History(messages), question, options.MaxContextMessages, new Bm25Ranker(), CancellationToken.None);
        return PromptBuilder.Build(Paused(), context, question, options);
    }

    [Fact]
    public async Task Build_500MessageHistory_ShouldStayBoundedAndCarryTheMessageAsked()
    {
        var prompt = await PromptAsync(500, "What was the tow truck invoice number?");

        var text = prompt.ToText();
        output.WriteLine($"500 messages (history {History(500).Sum(m => m.Content.Length)} characters): prompt {prompt.Length} characters, {prompt.Context.Count} earlier messages");
        Assert.Contains("TX-4471", text, StringComparison.Ordinal);
        Assert.Equal(new AssistantOptions().MaxContextMessages, prompt.Context.Count);
        Assert.InRange(prompt.Length, 1, 12_000);
    }

    [Fact]
    public async Task Build_TenTimesLongerHistory_ShouldNotGrowThePrompt()
    {
        const string Question = "What was the tow truck invoice number?";

        var short500 = await PromptAsync(500, Question);
        var long5000 = await PromptAsync(5000, Question);

        Assert.InRange(long5000.Length, 0, short500.Length + 200);
    }

    [Fact]
    public async Task SelectAsync_LongHistory_ShouldAlwaysCarryTheLatestTurn()
    {
        var history = History(500);

        var context = await ContextSelector.SelectAsync(history, "What was the tow truck invoice number?", 8, new Bm25Ranker(), CancellationToken.None);

        Assert.Equal(history[^2..].Select(m => m.Id), context.TakeLast(2).Select(m => m.Id));
    }

    [Fact]
    public void Score_QuestionSharingARareTerm_ShouldRankThatTextFirst()
    {
        string[] texts = ["the rental car contract", "the tow truck invoice TX-4471", "the paint colour of the car"];

        var scores = Bm25.Score("which invoice did the tow truck send?", texts);

        Assert.Equal(1, Array.IndexOf(scores, scores.Max()));
    }

    [Fact]
    public void Build_ManyLongDocuments_ShouldCarryNoMoreThanTheDocumentBudget()
    {
        var big = Enumerable.Range(0, 20).Select(i => new GroundingDocument("receipt", $"r{i}.txt", new string('x', 10_000))).ToList();
        var claim = Paused() with { Documents = big };

        var prompt = PromptBuilder.Build(claim, [], "what do the receipts say?", new AssistantOptions { MaxDocumentChars = 5_000 });

        var documents = prompt.Facts[prompt.Facts.IndexOf("--- document", StringComparison.Ordinal)..];
        Assert.InRange(documents.Count(c => c == 'x'), 4_000, 5_001);
    }
}

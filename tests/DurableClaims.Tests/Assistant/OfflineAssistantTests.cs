using DurableClaims.Assistant;
using static DurableClaims.Tests.Assistant.AssistantTestClaims;

namespace DurableClaims.Tests.Assistant;

/// <summary>The offline assistant answers a claims team's questions from the claim's data, naming its sources.</summary>
public sealed class OfflineAssistantTests
{
    private static (string Text, AnswerUse Use) Ask(Func<DurableClaims.Assistant.ClaimGrounding> claim, string question, params ConversationMessage[] context)
    {
        var grounding = claim();
        return OfflineAssistant.Answer(Prompt(grounding, question, context), grounding);
    }

    [Fact]
    public void Answer_StatusQuestion_ShouldGiveTheStatusAndWhatItWaitsFor()
    {
        var (text, use) = Ask(Paused, "What is the status of this claim?");

        Assert.Contains("is paused", text, StringComparison.Ordinal);
        Assert.Contains("documents from the customer", text, StringComparison.Ordinal);
        Assert.Contains(use.Sources, s => s is { Kind: "claim", Id: "status" });
    }

    [Fact]
    public void Answer_MissingDocumentsQuestion_ShouldNameEachMissingDocument()
    {
        var (text, _) = Ask(Paused, "What do you still need from me?");

        Assert.Contains("repair_estimate, vehicle_damage_photos", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhyDeniedQuestion_ShouldGiveTheDecisionsReasonsAndCiteTheDecision()
    {
        var (text, use) = Ask(Denied, "Why was it denied?");

        Assert.Contains("The policy had expired on 2026-10-01", text, StringComparison.Ordinal);
        Assert.Contains(use.Sources, s => s is { Kind: "claim", Id: "decision" });
    }

    [Fact]
    public void Answer_DeadlineQuestion_ShouldGiveTheDeadline()
    {
        var (text, _) = Ask(Paused, "When is the deadline?");

        Assert.Contains("2026-12-07 09:00 UTC", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_DocumentQuestion_ShouldQuoteTheSentencesAskedAboutAndCiteTheDocument()
    {
        var (text, use) = Ask(Paused, "What did the police report say about the driver?");

        Assert.Contains("Driver Dana Whitfield, sober, licence valid.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No injuries", text, StringComparison.Ordinal);
        Assert.Contains(use.Sources, s => s is { Kind: "document", Id: "police_report/police_report.txt", Name: "police_report.txt" });
        Assert.Equal("police_report/police_report.txt", use.Topic);
    }

    [Fact]
    public void Answer_DocumentSentenceWithAnAbbreviation_ShouldQuoteTheWholeSentence()
    {
        var (text, _) = Ask(Paused, "Where was it according to the police report? Which location?");

        Assert.Contains("Location: Ridge Road near No. 118.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_FollowUpWithoutNamingTheDocument_ShouldFollowTheTopicAndCiteTheEarlierTurn()
    {
        var earlier = Turn("assistant", "police_report.txt says: ...", topic: "police_report/police_report.txt");

        var (text, use) = Ask(Paused, "Were there any injuries mentioned in it?", earlier);

        Assert.Contains("No injuries.", text, StringComparison.Ordinal);
        Assert.Contains(use.Sources, s => s.Kind == "message" && s.Id == earlier.Id);
    }

    [Fact]
    public void Answer_DraftRequest_ShouldListTheMissingDocumentsInALetterAndSendNothing()
    {
        var (text, _) = Ask(Paused, "Draft a reply asking for the estimate again");

        Assert.Contains("Dear Dana Whitfield,", text, StringComparison.Ordinal);
        Assert.Contains("- repair estimate", text, StringComparison.Ordinal);
        Assert.Contains("the assistant sends nothing", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_SameQuestionTwice_ShouldGiveTheSameAnswer()
    {
        var first = Ask(Paused, "Why is this claim paused and what is missing?");
        var second = Ask(Paused, "Why is this claim paused and what is missing?");

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void Chunks_OfAnAnswer_ShouldJoinBackToTheAnswer()
    {
        const string Text = "Claim CLM-1 is paused.\nIt waits for  documents. ";

        Assert.Equal(Text, string.Concat(AnswerChunks.Of(Text)));
    }
}

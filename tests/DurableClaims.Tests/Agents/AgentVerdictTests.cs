using DurableClaims.Agents;

namespace DurableClaims.Tests.Agents;

public sealed class AgentVerdictTests
{
    [Fact]
    public void Parse_MessageWithTwoBlocks_ShouldReadTheLastOne()
    {
        const string message = "Draft:\n```json\n{\"findings\":[\"old\"]}\n```\nFinal:\n```json\n{\"findings\":[\"new\"],\"recommendation\":\"APPROVE\",\"riskScore\":0.3}\n```";

        var verdict = AgentVerdict.Parse(message);

        Assert.Equal(["new"], verdict.Findings);
        Assert.Equal(("approve", 0.3), (verdict.Recommendation, verdict.RiskScore));
    }

    [Fact]
    public void Parse_UnknownRecommendationAndOutOfRangeRisk_ShouldDropAndClamp()
    {
        var verdict = AgentVerdict.Parse("```json\n{\"recommendation\":\"maybe\",\"riskScore\":7}\n```");

        Assert.Equal((null, 1.0), (verdict.Recommendation, verdict.RiskScore));
    }

    [Fact]
    public void Parse_NoOrBrokenBlock_ShouldCountAsNoProgress()
    {
        Assert.Same(AgentVerdict.Empty, AgentVerdict.Parse("I think it is fine."));
        Assert.Same(AgentVerdict.Empty, AgentVerdict.Parse("```json\n{\"findings\": [\n```"));
    }
}

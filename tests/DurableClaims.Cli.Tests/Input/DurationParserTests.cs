using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;

namespace DurableClaims.Cli.Tests.Input;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("7", 7 * 24 * 60)]
    public void Parse_NumberWithUnit_ShouldGiveThatDuration(string text, int minutes)
        => Assert.Equal(TimeSpan.FromMinutes(minutes), DurationParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3d")]
    [InlineData("5y")]
    public void Parse_NotADuration_ShouldBeBadInput(string text)
        => Assert.Throws<CliInputException>(() => DurationParser.Parse(text));
}

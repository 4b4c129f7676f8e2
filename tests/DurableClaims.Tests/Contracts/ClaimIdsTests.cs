using DurableClaims.Contracts;

namespace DurableClaims.Tests.Contracts;

public sealed class ClaimIdsTests
{
    [Theory]
    [InlineData("police_report\n")]
    [InlineData("police\treport")]
    [InlineData("police\u0000report")]
    [InlineData("report ")]
    [InlineData("report.")]
    public void IsSafeSegment_ControlCharacterOrTrailingSpaceOrDot_ShouldBeRefused(string segment)
        => Assert.False(ClaimIds.IsSafeSegment(segment));

    [Fact]
    public void IsSafeSegment_LongerThanTheLimit_ShouldBeRefused()
        => Assert.False(ClaimIds.IsSafeSegment(new string('a', ClaimIds.MaxSegmentLength + 1)));

    [Fact]
    public void IsSafeSegment_AtTheLimit_ShouldBeAccepted()
        => Assert.True(ClaimIds.IsSafeSegment(new string('a', ClaimIds.MaxSegmentLength - 4) + ".pdf"));

    [Fact]
    public void IsValid_TrailingNewline_ShouldBeRefused()
        => Assert.False(ClaimIds.IsValid("CLM-1\n"));
}

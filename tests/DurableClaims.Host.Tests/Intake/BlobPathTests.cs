using DurableClaims.Api.Intake;

namespace DurableClaims.Host.Tests.Intake;

public sealed class BlobPathTests
{
    [Fact]
    public void TryParse_ContractPath_ShouldYieldClaimTypeAndFile()
    {
        var path = BlobPath.TryParse("CLM-1/police_report/report 1.pdf", out var problem);

        Assert.Null(problem);
        Assert.Equal(new BlobPath("CLM-1", "police_report", "report 1.pdf"), path);
    }

    [Theory]
    [InlineData("CLM-1/../x.pdf")]
    [InlineData("CLM-1//x.pdf")]
    [InlineData("CLM-1/x.pdf")]
    [InlineData("CLM-1/a/b/c.pdf")]
    [InlineData("../receipts/x.pdf")]
    [InlineData("CLM 1/receipts/x.pdf")]
    [InlineData("CLM-1/receipts/..")]
    public void TryParse_BadPath_ShouldReturnNullWithReason(string blobName)
    {
        var path = BlobPath.TryParse(blobName, out var problem);

        Assert.Null(path);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void KeyFor_QuotedAndUnquotedETag_ShouldBeEqual()
    {
        Assert.Equal(IntakeReceipt.KeyFor("a/b/c", "\"0x8D\""), IntakeReceipt.KeyFor("a/b/c", "0x8D"));
    }

    [Fact]
    public void KeyFor_NewETag_ShouldDiffer()
    {
        Assert.NotEqual(IntakeReceipt.KeyFor("a/b/c", "0x1"), IntakeReceipt.KeyFor("a/b/c", "0x2"));
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net/claim-documents/C-1/receipts/r.pdf", "claim-documents", "C-1/receipts/r.pdf")]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1/claim-documents/C-1/receipts/r%20s.pdf", "claim-documents", "C-1/receipts/r s.pdf")]
    public void BlobUrl_AzureAndAzuriteUrls_ShouldYieldContainerAndName(string url, string container, string name)
    {
        Assert.Equal((container, name), BlobUrl.TryParse(url));
    }
}

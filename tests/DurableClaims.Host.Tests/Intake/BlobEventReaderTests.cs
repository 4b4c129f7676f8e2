using DurableClaims.Api.Intake;
using DurableClaims.Testing;

namespace DurableClaims.Host.Tests.Intake;

public sealed class BlobEventReaderTests
{
    [Fact]
    public void Read_EventGridBlobCreated_ShouldYieldUrlAndETag()
    {
        var body = EventPayloads.EventGridBlobCreated("http://127.0.0.1:1/devstoreaccount1/claim-documents/C-1/receipts/r.pdf", "0x1");

        var delivery = BlobEventReader.Read(BinaryData.FromString(body));

        var blob = Assert.Single(delivery.BlobsCreated);
        Assert.Equal("0x1", blob.ETag);
        Assert.EndsWith("/claim-documents/C-1/receipts/r.pdf", blob.Url, StringComparison.Ordinal);
        Assert.Equal("eventgrid", delivery.Schema);
    }

    [Fact]
    public void Read_CloudEventsBatch_ShouldYieldEveryBlob()
    {
        var body = "[" + EventPayloads.CloudEventBlobCreated("http://h/a/claim-documents/C-1/x/1.pdf", "0x1") + ","
            + EventPayloads.CloudEventBlobCreated("http://h/a/claim-documents/C-1/x/2.pdf", "0x2") + "]";

        var delivery = BlobEventReader.Read(BinaryData.FromString(body));

        Assert.Equal(2, delivery.BlobsCreated.Count);
        Assert.Equal("cloudevents", delivery.Schema);
    }

    [Fact]
    public void Read_SubscriptionValidation_ShouldYieldValidationCode()
    {
        var delivery = BlobEventReader.Read(BinaryData.FromString(EventPayloads.EventGridValidation("abc-123")));

        Assert.Equal("abc-123", delivery.ValidationCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"hello\":1}]")]
    public void Read_NotAnEventDelivery_ShouldThrowFormatException(string body)
    {
        Assert.Throws<FormatException>(() => BlobEventReader.Read(BinaryData.FromString(body)));
    }
}

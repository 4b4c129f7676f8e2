using DurableClaims.Documents;

namespace DurableClaims.Tests.Documents;

public sealed class DocumentMediaTypesTests
{
    [Theory]
    [InlineData("a.pdf", "application/pdf")]
    [InlineData("a.JPG", "image/jpeg")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.png", "image/png")]
    [InlineData("a.txt", "text/plain")]
    [InlineData("a.md", "text/markdown")]
    [InlineData("a.json", "application/json")]
    [InlineData("a.csv", "text/csv")]
    [InlineData("a.docx", "application/octet-stream")]
    [InlineData("no-extension", "application/octet-stream")]
    public void Resolve_NoContentType_ShouldTakeTheExtensionsType(string filename, string expected)
        => Assert.Equal(expected, DocumentMediaTypes.Resolve(null, filename));

    [Fact]
    public void Resolve_ContentTypeWithParameters_ShouldRecordItsMediaTypeInLowercase()
        => Assert.Equal("text/plain", DocumentMediaTypes.Resolve("Text/Plain; charset=utf-8", "notes.pdf"));

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("not a media type")]
    public void Resolve_UnknownOrUnreadableContentType_ShouldTakeTheExtensionsType(string contentType)
        => Assert.Equal("application/pdf", DocumentMediaTypes.Resolve(contentType, "report.pdf"));
}

using System.Security.Cryptography;
using DurableClaims.Documents;
using DurableClaims.Storage;
using DurableClaims.Testing;
using DurableClaims.Tests.Sessions;

namespace DurableClaims.Tests.Documents;

public abstract class DocumentStoreContract
{
    protected abstract DocumentStore Store { get; }

    [Fact]
    public async Task Save_Document_ShouldListAndReadItBack()
    {
        await Store.SaveAsync("CLM-DOC1", "police_report", "report.txt", new MemoryStream("Report 42"u8.ToArray()));

        var listed = Assert.Single(await Store.ListAsync("CLM-DOC1"));
        await using var stream = await Store.OpenReadAsync("CLM-DOC1", "police_report", "report.txt");
        using var reader = new StreamReader(stream!);

        Assert.Equal(("police_report", "report.txt", 9L), (listed.Type, listed.Filename, listed.Size));
        Assert.Equal("Report 42", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Save_SameNameTwice_ShouldKeepOneDocumentWithANewETag()
    {
        var first = await Store.SaveAsync("CLM-DOC2", "receipts", "r.md", new MemoryStream("a"u8.ToArray()));

        var second = await Store.SaveAsync("CLM-DOC2", "receipts", "r.md", new MemoryStream("bb"u8.ToArray()));

        Assert.Single(await Store.ListAsync("CLM-DOC2"));
        Assert.NotEqual(first.ETag, second.ETag);
    }

    [Theory]
    [InlineData("..", "x.txt")]
    [InlineData("police_report", "../x.txt")]
    [InlineData("", "x.txt")]
    public async Task Save_UnsafePathSegment_ShouldBeRefused(string type, string filename)
        => await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync("CLM-DOC3", type, filename, new MemoryStream()));

    [Fact]
    public async Task OpenRead_MissingDocument_ShouldReturnNull()
        => Assert.Null(await Store.OpenReadAsync("CLM-DOC4", "police_report", "none.txt"));

    [Fact]
    public async Task Save_Document_ShouldReturnItsSizeMediaTypeAndSha256()
    {
        var content = "Report 42"u8.ToArray();

        var stored = await Store.SaveAsync("CLM-DOC7", "police_report", "report.pdf", new MemoryStream(content));

        Assert.Equal((9L, "application/pdf", Sha256Of(content)), (stored.Size, stored.MediaType, stored.Sha256));
    }

    [Fact]
    public async Task List_DocumentSavedWithAContentType_ShouldReturnTheRecordedMediaTypeAndSha256()
    {
        var content = "photo bytes"u8.ToArray();
        await Store.SaveAsync("CLM-DOC8", "damage_photos", "front.heic", new MemoryStream(content), "image/HEIC; quality=high");

        var listed = Assert.Single(await Store.ListAsync("CLM-DOC8"));

        Assert.Equal((11L, "image/heic", Sha256Of(content)), (listed.Size, listed.MediaType, listed.Sha256));
    }

    [Fact]
    public async Task List_DocumentWrittenWithoutProperties_ShouldHashItsContentAndTypeItByExtension()
    {
        // As an upload through the claim's link arrives: content only, nothing recorded beside it.
        var content = "a,b\n1,2"u8.ToArray();
        await Store.Container.WriteAsync("CLM-DOC9/receipts/items.csv", new MemoryStream(content));

        var listed = Assert.Single(await Store.ListAsync("CLM-DOC9"));

        Assert.Equal(("text/csv", Sha256Of(content)), (listed.MediaType, listed.Sha256));
    }

    [Fact]
    public async Task Save_ContentLargerThanOneBlock_ShouldHashAndCountAllOfIt()
    {
        var content = new byte[(5 * 1024 * 1024) + 17];
        new Random(7).NextBytes(content);

        await Store.SaveAsync("CLM-DOC10", "receipts", "scan.png", new MemoryStream(content));
        var listed = Assert.Single(await Store.ListAsync("CLM-DOC10"));

        Assert.Equal((content.LongLength, "image/png", Sha256Of(content)), (listed.Size, listed.MediaType, listed.Sha256));
    }

    [Fact]
    public async Task Get_StoredDocument_ShouldReturnItsRecord()
    {
        await Store.SaveAsync("CLM-DOC11", "receipts", "r.txt", new MemoryStream("abc"u8.ToArray()));
        await Store.SaveAsync("CLM-DOC11", "receipts", "r.txt.bak", new MemoryStream("other"u8.ToArray()));

        var document = await Store.GetAsync("CLM-DOC11", "receipts", "r.txt");

        Assert.Equal(("r.txt", 3L, "text/plain", Sha256Of("abc"u8.ToArray())), (document?.Filename, document?.Size, document?.MediaType, document?.Sha256));
    }

    [Fact]
    public async Task Get_DocumentNotStored_ShouldReturnNull()
        => Assert.Null(await Store.GetAsync("CLM-DOC12", "receipts", "none.pdf"));

    [Fact]
    public async Task DeleteAll_DocumentsWithRecordedProperties_ShouldLeaveNothingListed()
    {
        await Store.SaveAsync("CLM-DOC13", "receipts", "a.pdf", new MemoryStream("a"u8.ToArray()));
        await Store.SaveAsync("CLM-DOC13", "invoice", "b.pdf", new MemoryStream("b"u8.ToArray()));

        var deleted = await Store.DeleteAllAsync("CLM-DOC13");

        Assert.Equal(2, deleted);
        Assert.Empty(await Store.ListAsync("CLM-DOC13"));
    }

    private static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

public sealed class FolderDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new("docs");

    public FolderDocumentStoreTests() => Store = new FolderDocumentStore(_folder.Combine("claim-documents"));

    protected override DocumentStore Store { get; }

    [Fact]
    public void CreateUploadUri_LocalFolder_ShouldBeNull()
        => Assert.Null(Store.CreateUploadUri("CLM-DOC5", "receipts", "r.pdf", DateTimeOffset.UtcNow.AddDays(1)));

    [Fact]
    public async Task Delete_DocumentWithRecordedProperties_ShouldLeaveNoFileInItsFolder()
    {
        await Store.SaveAsync("CLM-DOC14", "receipts", "a.pdf", new MemoryStream("a"u8.ToArray()), "application/pdf");

        await Store.DeleteAllAsync("CLM-DOC14");

        Assert.False(Directory.Exists(_folder.Combine("claim-documents", "CLM-DOC14")));
    }

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteGroup.Name)]
public sealed class BlobDocumentStoreTests : DocumentStoreContract
{
    public BlobDocumentStoreTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Store = new BlobDocumentStore(BlobClientFactory.Create(azurite.ConnectionString).GetBlobContainerClient($"docs-{Guid.NewGuid():N}"[..20]));
    }

    protected override DocumentStore Store { get; }

    [Fact]
    public void CreateUploadUri_BlobStore_ShouldBeACreateOnlySasOnTheOneDocument()
    {
        var uri = Store.CreateUploadUri("CLM-DOC6", "receipts", "r.pdf", DateTimeOffset.UtcNow.AddDays(1))!;

        Assert.EndsWith("/CLM-DOC6/receipts/r.pdf", uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=c&", uri.Query, StringComparison.Ordinal);
    }
}

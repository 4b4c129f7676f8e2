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
}

public sealed class FolderDocumentStoreTests : DocumentStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new("docs");

    public FolderDocumentStoreTests() => Store = new FolderDocumentStore(_folder.Combine("claim-documents"));

    protected override DocumentStore Store { get; }

    [Fact]
    public void CreateUploadUri_LocalFolder_ShouldBeNull()
        => Assert.Null(Store.CreateUploadUri("CLM-DOC5", DateTimeOffset.UtcNow.AddDays(1)));

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
    public void CreateUploadUri_BlobStore_ShouldBeACreateOnlySasAtTheClaimFolder()
    {
        var uri = Store.CreateUploadUri("CLM-DOC6", DateTimeOffset.UtcNow.AddDays(1))!;

        Assert.EndsWith("/CLM-DOC6/", uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("sp=c&", uri.Query, StringComparison.Ordinal);
    }
}

using DurableClaims.Storage;
using DurableClaims.Testing;
using DurableClaims.Tests.Sessions;

namespace DurableClaims.Tests.Storage;

public abstract class ObjectPropertiesContract
{
    protected abstract IObjectContainer Container { get; }

    [Fact]
    public async Task WriteWithProperties_ThenList_ShouldReturnThemWithTheObjectOnly()
    {
        await Container.WriteWithPropertiesAsync("C-1/receipts/r.pdf", new MemoryStream("r"u8.ToArray()), () => Properties("application/pdf", "abc"));

        var listed = await ListAsync("C-1/");

        var item = Assert.Single(listed);
        Assert.Equal(("C-1/receipts/r.pdf", "application/pdf", "abc"), (item.Path, item.Properties?.ContentType, item.Properties?.Metadata["sha256"]));
    }

    [Fact]
    public async Task WriteWithProperties_PropertiesFromTheContent_ShouldBeAskedForAfterTheContentWasRead()
    {
        var content = new MemoryStream(new byte[100]);

        await Container.WriteWithPropertiesAsync("C-2/receipts/r.pdf", content, () => Properties("application/pdf", content.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("100", Assert.Single(await ListAsync("C-2/")).Properties?.Metadata["sha256"]);
    }

    protected static ObjectProperties Properties(string contentType, string sha256)
        => new(contentType, new Dictionary<string, string> { ["sha256"] = sha256 });

    protected async Task<List<ObjectInfo>> ListAsync(string prefix)
    {
        var result = new List<ObjectInfo>();
        await foreach (var item in Container.ListAsync(prefix))
        {
            result.Add(item);
        }

        return result;
    }
}

public sealed class FolderObjectPropertiesTests : ObjectPropertiesContract, IDisposable
{
    private readonly TempDirectory _folder = new("props");

    public FolderObjectPropertiesTests() => Container = new FolderObjectContainer(_folder.Combine("claim-documents"));

    protected override IObjectContainer Container { get; }

    [Fact]
    public async Task Write_OverAnObjectWithProperties_ShouldDropTheOldProperties()
    {
        await Container.WriteWithPropertiesAsync("C-3/receipts/r.pdf", new MemoryStream("v1"u8.ToArray()), () => Properties("application/pdf", "v1"));

        await Container.WriteAsync("C-3/receipts/r.pdf", new MemoryStream("v2"u8.ToArray()));

        Assert.Null(Assert.Single(await ListAsync("C-3/")).Properties);
    }

    [Fact]
    public async Task List_PropertiesLeftFromAnEarlierVersion_ShouldBeIgnored()
    {
        // A crash between the content's rename and the properties' rename leaves the earlier version's sidecar.
        await Container.WriteWithPropertiesAsync("C-4/receipts/r.pdf", new MemoryStream("v1"u8.ToArray()), () => Properties("application/pdf", "v1"));
        var sidecar = Directory.GetFiles(_folder.Combine("claim-documents", "C-4", "receipts"), "*~properties.json").Single();
        var earlier = await File.ReadAllBytesAsync(sidecar);
        await Container.WriteWithPropertiesAsync("C-4/receipts/r.pdf", new MemoryStream("v2"u8.ToArray()), () => Properties("application/pdf", "v2"));
        await File.WriteAllBytesAsync(sidecar, earlier);

        Assert.Null(Assert.Single(await ListAsync("C-4/")).Properties);
    }

    [Fact]
    public async Task Delete_ObjectWithProperties_ShouldRemoveItsFolder()
    {
        await Container.WriteWithPropertiesAsync("C-5/receipts/r.pdf", new MemoryStream("r"u8.ToArray()), () => Properties("application/pdf", "r"));

        await Container.DeleteAsync("C-5/receipts/r.pdf");

        Assert.False(Directory.Exists(_folder.Combine("claim-documents", "C-5")));
    }

    public void Dispose() => _folder.Dispose();
}

[Collection(AzuriteGroup.Name)]
public sealed class BlobObjectPropertiesTests : ObjectPropertiesContract
{
    public BlobObjectPropertiesTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Container = new BlobObjectContainer(BlobClientFactory.Create(azurite.ConnectionString).GetBlobContainerClient($"props-{Guid.NewGuid():N}"[..20]));
    }

    protected override IObjectContainer Container { get; }
}

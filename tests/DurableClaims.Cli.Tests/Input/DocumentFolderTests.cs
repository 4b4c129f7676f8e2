using DurableClaims.Cli.Infrastructure;
using DurableClaims.Cli.Input;
using DurableClaims.Cli.Tests.Infrastructure;
using DurableClaims.Testing;

namespace DurableClaims.Cli.Tests.Input;

public sealed class DocumentFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ReadAsync_FileInFolderRoot_ShouldTakeItsNameWithoutExtensionAsType()
    {
        _temp.WriteFile("docs/police_report.pdf", "report");

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), CancellationToken.None);

        var document = Assert.Single(documents);
        Assert.Equal(("police_report", "police_report.pdf"), (document.Type, document.FileName));
    }

    [Fact]
    public async Task ReadAsync_FileInSubFolder_ShouldTakeTheSubFolderNameAsType()
    {
        _temp.WriteFile("docs/vehicle_damage_photos/front.jpg", "jpg");

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), CancellationToken.None);

        Assert.Equal("vehicle_damage_photos", Assert.Single(documents).Type);
    }

    [Fact]
    public async Task ReadAsync_HiddenFiles_ShouldBeSkipped()
    {
        _temp.WriteFile("docs/.DS_Store", "x");
        _temp.WriteFile("docs/repair_estimate.txt", "estimate");

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), CancellationToken.None);

        Assert.Equal("repair_estimate", Assert.Single(documents).Type);
    }

    [Fact]
    public async Task ReadAsync_EmptyFolder_ShouldBeBadInput()
    {
        Directory.CreateDirectory(_temp.Combine("empty"));

        await Assert.ThrowsAsync<CliInputException>(() => DocumentFolder.ReadAsync(_temp.Combine("empty"), CancellationToken.None));
    }

    public void Dispose() => _temp.Dispose();
}

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

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), TextWriter.Null, CancellationToken.None);

        var document = Assert.Single(documents);
        Assert.Equal(("police_report", "police_report.pdf"), (document.Type, document.FileName));
    }

    [Fact]
    public async Task ReadAsync_SubFolder_ShouldNotBecomeADocumentType()
    {
        _temp.WriteFile("docs/police_report.pdf", "report");
        _temp.WriteFile("docs/vehicle_damage_photos/front.jpg", "jpg");

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), TextWriter.Null, CancellationToken.None);

        Assert.Equal("police_report", Assert.Single(documents).Type);
    }

    [Fact]
    public async Task ReadAsync_SubFolder_ShouldBeReportedAsSkipped()
    {
        _temp.WriteFile("docs/police_report.pdf", "report");
        _temp.WriteFile("docs/vehicle_damage_photos/front.jpg", "jpg");
        using var warnings = new StringWriter();

        await DocumentFolder.ReadAsync(_temp.Combine("docs"), warnings, CancellationToken.None);

        Assert.Contains("skipped 'vehicle_damage_photos'", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SymlinkToFileOutsideTheFolder_ShouldNotBeRead()
    {
        var secret = _temp.WriteFile("outside/passwd", "root:x:0:0");
        _temp.WriteFile("docs/police_report.pdf", "report");
        File.CreateSymbolicLink(_temp.Combine("docs", "repair_estimate.txt"), secret);
        using var warnings = new StringWriter();

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), warnings, CancellationToken.None);

        Assert.Equal(["police_report"], documents.Select(d => d.Type));
        Assert.Contains("skipped 'repair_estimate.txt'", warnings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SymlinkToFolder_ShouldNotBeFollowed()
    {
        _temp.WriteFile("outside/id_rsa", "key");
        _temp.WriteFile("docs/police_report.pdf", "report");
        Directory.CreateSymbolicLink(_temp.Combine("docs", "repair_estimate"), _temp.Combine("outside"));

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), TextWriter.Null, CancellationToken.None);

        Assert.Equal(["police_report"], documents.Select(d => d.Type));
    }

    [Fact]
    public async Task ReadAsync_OnlyLinksAndSubFolders_ShouldBeBadInputListingThem()
    {
        var secret = _temp.WriteFile("outside/passwd", "root:x:0:0");
        _temp.WriteFile("docs/photos/front.jpg", "jpg");
        File.CreateSymbolicLink(_temp.Combine("docs", "police_report.txt"), secret);

        var error = await Assert.ThrowsAsync<CliInputException>(() => DocumentFolder.ReadAsync(_temp.Combine("docs"), TextWriter.Null, CancellationToken.None));

        Assert.Equal(["skipped: photos", "skipped: police_report.txt"], error.Details);
    }

    [Fact]
    public async Task ReadAsync_HiddenFiles_ShouldBeSkipped()
    {
        _temp.WriteFile("docs/.DS_Store", "x");
        _temp.WriteFile("docs/repair_estimate.txt", "estimate");

        var documents = await DocumentFolder.ReadAsync(_temp.Combine("docs"), TextWriter.Null, CancellationToken.None);

        Assert.Equal("repair_estimate", Assert.Single(documents).Type);
    }

    [Fact]
    public async Task ReadAsync_EmptyFolder_ShouldBeBadInput()
    {
        Directory.CreateDirectory(_temp.Combine("empty"));

        await Assert.ThrowsAsync<CliInputException>(() => DocumentFolder.ReadAsync(_temp.Combine("empty"), TextWriter.Null, CancellationToken.None));
    }

    public void Dispose() => _temp.Dispose();
}

using DurableClaims.Contracts;
using DurableClaims.Storage;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Storage;

/// <summary>The folder container under bad names, a full disk and deletes: it never wedges, never half-stores.</summary>
public sealed class FolderObjectContainerFaultTests : IDisposable
{
    private readonly TempDirectory _folder = new("container-faults");

    public void Dispose() => _folder.Dispose();

    private static MemoryStream Content(string text = "content") => new(System.Text.Encoding.UTF8.GetBytes(text));

    private string[] FilesLeft() => Directory.Exists(_folder.Path) ? Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task WriteAsync_NameTooLongRepeated_ShouldRefuseEachAndLeaveLaterWritesPrompt()
    {
        var container = new FolderObjectContainer(_folder.Path);
        var longName = new string('a', 236) + ".pdf";

        for (var i = 0; i < 200; i++)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => container.WriteAsync($"CLM-{i}/receipts/{longName}", Content()));
        }

        // One write per gate of the shared pool and more: none may be left held.
        var writes = Enumerable.Range(0, 256).Select(i => container.WriteAsync($"CLM-{i}/receipts/r.pdf", Content(), WriteCondition.IfNoneMatch));
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(256, FilesLeft().Length);
    }

    [Fact]
    public void CheckPath_NameTooLongForTheFileSystem_ShouldSayWhy()
        => Assert.Contains("bytes", new FolderObjectContainer(_folder.Path).CheckPath("CLM-1/receipts/" + new string('a', 240)), StringComparison.Ordinal);

    [Fact]
    public async Task WriteAsync_DiskFull_ShouldThrowStorageFullAndLeaveNoFile()
    {
        var container = new FolderObjectContainer(_folder.Path, stream => new DiskFullStream(stream));

        await Assert.ThrowsAsync<StorageFullException>(() => container.WriteAsync("CLM-1/session.json", Content()));

        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task WriteWithPropertiesAsync_DiskFull_ShouldThrowStorageFullAndLeaveNoFile()
    {
        var container = new FolderObjectContainer(_folder.Path, stream => new DiskFullStream(stream));

        await Assert.ThrowsAsync<StorageFullException>(
            () => container.WriteWithPropertiesAsync("CLM-1/receipts/r.pdf", Content(), () => new ObjectProperties("application/pdf", new Dictionary<string, string>())));

        Assert.Empty(FilesLeft());
    }

    [Fact]
    public async Task DeleteFolderAsync_FolderWithTemporaryFiles_ShouldRemoveEverything()
    {
        var container = new FolderObjectContainer(_folder.Path);
        await container.WriteAsync("CLM-1/receipts/r.pdf", Content());
        await File.WriteAllTextAsync(Path.Combine(_folder.Path, "CLM-1", "receipts", "r.pdf.0123.tmp"), "personal data");

        await container.DeleteFolderAsync("CLM-1");

        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "CLM-1")));
    }

    [Theory]
    [InlineData(28)]
    [InlineData(unchecked((int)0x80070070))]
    [InlineData(unchecked((int)0x80070027))]
    public void IsDiskFull_DiskFullCodes_ShouldBeRecognised(int hresult)
        => Assert.True(StorageErrors.IsDiskFull(new IOException("write failed", hresult)));

    [Fact]
    public void IsDiskFull_OtherIOError_ShouldNotBe()
        => Assert.False(StorageErrors.IsDiskFull(new IOException("Permission denied", 13)));

    /// <summary>A file stream that accepts the first buffer, then fails as Linux does when the disk fills up (ENOSPC).</summary>
    private sealed class DiskFullStream(Stream inner) : Stream
    {
        private bool _wrote;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_wrote)
            {
                throw new IOException("No space left on device", 28);
            }

            _wrote = true;
            await inner.WriteAsync(buffer[..Math.Min(3, buffer.Length)], cancellationToken);
            throw new IOException("No space left on device", 28);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}

using System.Text;
using DurableClaims.Api;
using DurableClaims.Contracts;
using DurableClaims.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Tests.Api;

/// <summary>Documents requests are all or nothing, and no name, however long, wedges the stores.</summary>
public sealed class DocumentRequestFaultTests : IAsyncLifetime, IDisposable
{
    private static readonly ApiCallContext Call = new("http://localhost");
    private readonly TempDirectory _data = new("document-faults");
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync(_data.Path);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _data.Dispose();

    private async Task<string> PausedClaimAsync(string claimId)
    {
        await _host.SubmitAsync(TestClaims.Auto(claimId) with { Documents = [] });
        await _host.WaitForPauseAsync(claimId);
        return claimId;
    }

    private static DocumentUpload Upload(string filename, string type = "police_report") => new(type, filename, Encoding.UTF8.GetBytes("report"));

    [Fact]
    public async Task SubmitDocuments_OneGoodOneTooLongName_ShouldStoreNothing()
    {
        var claimId = await PausedClaimAsync("CLM-HALF-1");
        var service = _host.Services.GetRequiredService<ClaimsApiService>();

        var result = await service.SubmitDocumentsAsync(claimId, [Upload("report.pdf"), Upload(new string('a', 236) + ".pdf")], "http", Call);

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
        Assert.Empty(await _host.Documents.ListAsync(claimId));
    }

    [Fact]
    public async Task SubmitDocuments_TypeWithTrailingNewline_ShouldBeRefused()
    {
        var claimId = await PausedClaimAsync("CLM-NL-1");
        var service = _host.Services.GetRequiredService<ClaimsApiService>();

        var result = await service.SubmitDocumentsAsync(claimId, [Upload("report.pdf", "police_report\n")], "http", Call);

        Assert.Equal(ApiResultKind.Invalid, result.Kind);
        Assert.False(Directory.Exists(Path.Combine(_data.Path, "claim-documents", claimId)));
    }

    [Fact]
    public async Task SubmitDocuments_StoreFailsOnTheSecond_ShouldRemoveTheFirst()
    {
        var claimId = await PausedClaimAsync("CLM-HALF-2");
        var service = ActivatorUtilities.CreateInstance<ClaimsApiService>(_host.Services, new FullAfterFirst(_host.Documents));

        await Assert.ThrowsAsync<StorageFullException>(
            () => service.SubmitDocumentsAsync(claimId, [Upload("report.pdf"), Upload("second.pdf")], "http", Call));

        Assert.Empty(await _host.Documents.ListAsync(claimId));
    }

    [Fact]
    public async Task SubmitDocuments_LongNameRepeated_ShouldLeaveUploadsAndNewClaimsPrompt()
    {
        var claimId = await PausedClaimAsync("CLM-WEDGE-1");
        var service = _host.Services.GetRequiredService<ClaimsApiService>();
        var started = DateTime.UtcNow;

        for (var i = 0; i < 200; i++)
        {
            var refused = await service.SubmitDocumentsAsync(claimId, [Upload(new string((char)('a' + (i % 26)), 200 + (i % 40)) + ".pdf")], "http", Call);
            Assert.Equal(ApiResultKind.Invalid, refused.Kind);
        }

        var accepted = await service.SubmitDocumentsAsync(claimId, [Upload("report.pdf")], "http", Call);
        await PausedClaimAsync("CLM-WEDGE-2");

        Assert.Equal(ApiResultKind.Accepted, accepted.Kind);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }

    /// <summary>The host's document store, except that the disk is full from the second save on.</summary>
    private sealed class FullAfterFirst(IDocumentStore inner) : IDocumentStore
    {
        private int _saves;

        public Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, CancellationToken cancellationToken = default)
            => SaveAsync(claimId, type, filename, content, null, cancellationToken);

        public Task<StoredDocument> SaveAsync(string claimId, string type, string filename, Stream content, string? contentType, CancellationToken cancellationToken = default)
            => Interlocked.Increment(ref _saves) > 1
                ? throw new StorageFullException("No space left on device")
                : inner.SaveAsync(claimId, type, filename, content, contentType, cancellationToken);

        public Task<StoredDocument?> GetAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default) => inner.GetAsync(claimId, type, filename, cancellationToken);

        public Task<IReadOnlyList<StoredDocument>> ListAsync(string claimId, CancellationToken cancellationToken = default) => inner.ListAsync(claimId, cancellationToken);

        public Task<Stream?> OpenReadAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default) => inner.OpenReadAsync(claimId, type, filename, cancellationToken);

        public Task<bool> DeleteAsync(string claimId, string type, string filename, CancellationToken cancellationToken = default) => inner.DeleteAsync(claimId, type, filename, cancellationToken);

        public Task<int> DeleteAllAsync(string claimId, CancellationToken cancellationToken = default) => inner.DeleteAllAsync(claimId, cancellationToken);

        public string? CheckName(string claimId, string type, string filename) => inner.CheckName(claimId, type, filename);

        public Uri? CreateUploadUri(string claimId, string type, string filename, DateTimeOffset deadline) => inner.CreateUploadUri(claimId, type, filename, deadline);
    }
}

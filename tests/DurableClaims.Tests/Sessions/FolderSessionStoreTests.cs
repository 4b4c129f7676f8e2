using DurableClaims.Contracts;
using DurableClaims.Sessions;
using DurableClaims.Testing;

namespace DurableClaims.Tests.Sessions;

public sealed class FolderSessionStoreTests : SessionStoreContract, IDisposable
{
    private readonly TempDirectory _folder = new("sessions");
    private readonly FolderSessionStore _store;

    public FolderSessionStoreTests() => _store = FolderSessionStore.InDataDirectory(_folder.Path);

    protected override SessionStore Store => _store;

    [Fact]
    public async Task Save_LocalFolder_ShouldWriteTheDesignLayout()
    {
        await _store.SaveAsync(new SessionMetadata { ClaimId = "CLM-F1", Status = ClaimStatusCodes.Running }, new SessionContext { Claim = TestClaims.Auto("CLM-F1"), Phase = ClaimPhases.Intake }, []);

        Assert.True(File.Exists(_folder.Combine("sessions", "CLM-F1", "session.json")));
        Assert.True(File.Exists(_folder.Combine("sessions", "CLM-F1", "context.json")));
    }

    public void Dispose() => _folder.Dispose();
}

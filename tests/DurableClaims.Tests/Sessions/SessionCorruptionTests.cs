using DurableClaims.Contracts;
using DurableClaims.Sessions;
using DurableClaims.Testing;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Tests.Sessions;

/// <summary>Damaged session files are named (logged with the file, reported), never served as empty or fatal to everyone.</summary>
public sealed class SessionCorruptionTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _folder = new("corrupt");
    private readonly RecordingLogger _log = new();
    private readonly FolderSessionStore _store;

    public SessionCorruptionTests() => _store = new FolderSessionStore(_folder.Combine("sessions"), _folder.Combine("sessions-archive"), _log);

    public void Dispose() => _folder.Dispose();

    private Task<string> Save(string id, string status = ClaimStatusCodes.Approved)
        => _store.SaveAsync(new SessionMetadata { ClaimId = id, Status = status, CreatedAt = T0, UpdatedAt = T0 }, null, [new SessionMessage("m1", "intake", "assistant", "hello", T0)]);

    private static async Task Truncate(string file) => await File.WriteAllBytesAsync(file, (await File.ReadAllBytesAsync(file))[..^12]);

    [Fact]
    public async Task GetStats_HalfWrittenSessionJson_ShouldCountItCorruptAndTheRestAsUsual()
    {
        await Save("CLM-OK1");
        await Save("CLM-OK2");
        await Save("CLM-BAD");
        await Truncate(_folder.Combine("sessions", "CLM-BAD", "session.json"));

        var stats = await new ClaimStatisticsService(_store, TestClaims.Clock()).GetAsync();

        Assert.Equal((2, 1), (stats.Total, stats.Corrupt));
        Assert.Contains(_log.Lines, line => line.Contains("CLM-BAD", StringComparison.Ordinal) && line.Contains("session.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadState_HalfWrittenSessionJson_ShouldThrowStorageCorruptNamingTheFile()
    {
        await Save("CLM-BAD");
        await Truncate(_folder.Combine("sessions", "CLM-BAD", "session.json"));

        var error = await Assert.ThrowsAsync<StorageCorruptException>(() => _store.LoadStateAsync("CLM-BAD"));

        Assert.Equal("sessions/CLM-BAD/session.json", error.File);
    }

    [Fact]
    public async Task GetHistory_TruncatedArchive_ShouldThrowStorageCorruptAndLogTheFile()
    {
        await Save("CLM-ARC");
        await _store.ArchiveAsync("CLM-ARC");
        await Truncate(_folder.Combine("sessions-archive", "CLM-ARC", "history.jsonl.gz"));

        var error = await Assert.ThrowsAsync<StorageCorruptException>(() => _store.GetHistoryAsync("CLM-ARC"));

        Assert.Equal("sessions-archive/CLM-ARC/history.jsonl.gz", error.File);
        Assert.Contains(_log.Lines, line => line.Contains("history.jsonl.gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetEvents_GarbageLine_ShouldSkipItAndLogFileAndLine()
    {
        await Save("CLM-EV");
        await _store.AppendEventAsync(new ClaimLifecycleEvent("e1", "CLM-EV", ClaimEventTypes.Start, T0));
        await File.AppendAllTextAsync(_folder.Combine("sessions", "CLM-EV", "events.jsonl"), "{not json\n");

        var events = await _store.GetEventsAsync("CLM-EV");

        Assert.Equal("e1", Assert.Single(events).Id);
        Assert.Contains(_log.Lines, line => line.Contains("line 2", StringComparison.Ordinal) && line.Contains("events.jsonl", StringComparison.Ordinal));
    }

    /// <summary>Keeps every formatted log line.</summary>
    private sealed class RecordingLogger : ILogger<SessionStore>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}

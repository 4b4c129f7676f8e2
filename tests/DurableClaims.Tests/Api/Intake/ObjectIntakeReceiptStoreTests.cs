using DurableClaims.Api.Intake;
using DurableClaims.Storage;
using DurableClaims.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Tests.Api.Intake;

/// <summary>Receipts taken before raising and handled after, on the folder store: a holder that died is taken over, a live one is not.</summary>
public sealed class ObjectIntakeReceiptStoreTests : IDisposable
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _data = new("receipts");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly ObjectIntakeReceiptStore _store;

    public ObjectIntakeReceiptStoreTests() => _store = new ObjectIntakeReceiptStore(new FolderObjectContainer(Path.Combine(_data.Path, "receipts")), _time);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task TryTake_FreeKey_ShouldTakeIt()
        => Assert.Equal(ReceiptTake.Taken, await _store.TryTakeAsync(Key(1), Takeover));

    [Fact]
    public async Task TryTake_KeyTakenWithinTheTakeoverTime_ShouldBeBusy()
    {
        await _store.TryTakeAsync(Key(2), Takeover);
        _time.Advance(Takeover - TimeSpan.FromSeconds(1));

        Assert.Equal(ReceiptTake.Busy, await _store.TryTakeAsync(Key(2), Takeover));
    }

    [Fact]
    public async Task TryTake_KeyTakenLongerThanTheTakeoverTime_ShouldTakeItOver()
    {
        await _store.TryTakeAsync(Key(3), Takeover);
        _time.Advance(Takeover);

        Assert.Equal(ReceiptTake.TakenOver, await _store.TryTakeAsync(Key(3), Takeover));
    }

    [Fact]
    public async Task TryTake_KeyTakenOverJustNow_ShouldBeBusyForTheNextIntake()
    {
        await _store.TryTakeAsync(Key(4), Takeover);
        _time.Advance(Takeover);
        await _store.TryTakeAsync(Key(4), Takeover);

        Assert.Equal(ReceiptTake.Busy, await _store.TryTakeAsync(Key(4), Takeover));
    }

    [Fact]
    public async Task TryTake_CompletedKey_ShouldReportItHandledEvenMuchLater()
    {
        await _store.TryTakeAsync(Key(5), Takeover);
        await _store.CompleteAsync(Key(5));
        _time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(ReceiptTake.Handled, await _store.TryTakeAsync(Key(5), Takeover));
    }

    [Fact]
    public async Task TryTake_KeyRecordedByTheApi_ShouldReportItHandled()
    {
        await _store.TryAddAsync(Key(6));

        Assert.Equal(ReceiptTake.Handled, await _store.TryTakeAsync(Key(6), Takeover));
    }

    [Fact]
    public async Task IsHandled_TakenKey_ShouldBeFalseUntilCompleted()
    {
        await _store.TryTakeAsync(Key(7), Takeover);
        var whileTaken = await _store.IsHandledAsync(Key(7));
        await _store.CompleteAsync(Key(7));

        Assert.Equal((false, true), (whileTaken, await _store.IsHandledAsync(Key(7))));
    }

    [Fact]
    public async Task TryTake_KeyGivenBack_ShouldBeFreeAgain()
    {
        await _store.TryTakeAsync(Key(8), Takeover);
        await _store.RemoveAsync(Key(8));

        Assert.Equal(ReceiptTake.Taken, await _store.TryTakeAsync(Key(8), Takeover));
    }

    [Fact]
    public async Task TryTake_ManyIntakesAtOnceOnAStaleKey_ShouldLetExactlyOneTakeItOver()
    {
        await _store.TryTakeAsync(Key(9), Takeover);
        _time.Advance(Takeover);

        var takes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.TryTakeAsync(Key(9), Takeover))));

        Assert.Equal(1, takes.Count(t => t == ReceiptTake.TakenOver));
        Assert.Equal(7, takes.Count(t => t == ReceiptTake.Busy));
    }

    private static string Key(int n) => IntakeReceipt.KeyFor($"CLM-R-{n}/receipts/r.pdf", "0x" + n);
}

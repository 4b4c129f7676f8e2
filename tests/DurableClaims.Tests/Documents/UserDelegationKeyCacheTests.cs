using Azure;
using Azure.Storage.Blobs.Models;
using DurableClaims.Documents;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DurableClaims.Tests.Documents;

/// <summary>When the user-delegation key is requested, reused and renewed.</summary>
public sealed class UserDelegationKeyCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly List<(DateTimeOffset StartsOn, DateTimeOffset ExpiresOn)> _requests = [];
    private bool _deny;

    private UserDelegationKeyCache Cache() => new(Request, _time, NullLogger.Instance);

    private UserDelegationKey Request(DateTimeOffset startsOn, DateTimeOffset expiresOn)
    {
        _requests.Add((startsOn, expiresOn));
        if (_deny)
        {
            throw new RequestFailedException(403, "This request is not authorized to perform this operation using this permission.");
        }

        return UploadSasTests.Key(startsOn, expiresOn);
    }

    [Fact]
    public void Get_FirstCall_ShouldRequestAKeyValidForNoMoreThanSevenDays()
    {
        var cache = Cache();

        var key = cache.Get();

        Assert.NotNull(key);
        var (startsOn, expiresOn) = Assert.Single(_requests);
        Assert.True(expiresOn - _time.GetUtcNow() <= TimeSpan.FromDays(7));
        Assert.True(startsOn <= _time.GetUtcNow());
    }

    [Fact]
    public void Get_KeyLessThanADayOld_ShouldReuseIt()
    {
        var cache = Cache();
        var first = cache.Get();
        _time.Advance(TimeSpan.FromHours(20));

        var second = cache.Get();

        Assert.Same(first, second);
        Assert.Single(_requests);
    }

    [Fact]
    public void Get_KeyOlderThanADay_ShouldRenewIt()
    {
        var cache = Cache();
        var first = cache.Get();
        _time.Advance(TimeSpan.FromHours(25));

        var second = cache.Get();

        Assert.NotSame(first, second);
        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public void Get_RequestDenied_ShouldReturnNoKey()
    {
        _deny = true;
        var cache = Cache();

        var key = cache.Get();

        Assert.Null(key);
    }

    [Fact]
    public void Get_RequestDeniedMomentsAgo_ShouldNotAskTheServiceAgain()
    {
        _deny = true;
        var cache = Cache();
        cache.Get();
        _time.Advance(TimeSpan.FromSeconds(10));

        cache.Get();

        Assert.Single(_requests);
    }

    [Fact]
    public void Get_RenewalDenied_ShouldKeepTheStillValidKey()
    {
        var cache = Cache();
        var first = cache.Get();
        _time.Advance(TimeSpan.FromDays(2));
        _deny = true;

        var second = cache.Get();

        Assert.Same(first, second);
    }

    [Fact]
    public async Task Get_WhileAnotherCallerRenews_ShouldReturnTheCurrentKeyWithoutWaiting()
    {
        using var renewing = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blockNext = false;
        var cache = new UserDelegationKeyCache(
            (startsOn, expiresOn) =>
            {
                if (blockNext)
                {
                    renewing.Set();
                    release.Wait(TimeSpan.FromSeconds(10));
                }

                return UploadSasTests.Key(startsOn, expiresOn);
            },
            _time,
            NullLogger.Instance);
        var current = cache.Get();
        _time.Advance(TimeSpan.FromDays(2));
        blockNext = true;
        var renewal = Task.Run(cache.Get);
        Assert.True(renewing.Wait(TimeSpan.FromSeconds(10)));

        var meanwhile = cache.Get();

        release.Set();
        await renewal;
        Assert.Same(current, meanwhile);
    }
}

using Azure;
using Azure.Identity;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;

namespace DurableClaims.Documents;

/// <summary>Holds the user-delegation key that signs upload links when Blob Storage is reached with a token credential (no account key).</summary>
/// <remarks>
/// Keys are requested for just under 7 days (the service's limit) and renewed once they have less than
/// <see cref="RenewBefore"/> left, i.e. about daily. Renewing early rather than shortly before expiry keeps every
/// link signed with the cached key valid for at least six days (or until the claim's document deadline): a link
/// cannot outlive its key, and a customer may open the reminder that carries it days later.
/// </remarks>
internal sealed partial class UserDelegationKeyCache
{
    /// <summary>The longest key the service issues, less a margin for clock skew between this host and the service.</summary>
    public static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(15);

    /// <summary>A cached key with less than this left is renewed.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(6);

    /// <summary>After a failed request the cache waits this long before asking again (status reads must not each wait for a failing call).</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    // Keys start slightly in the past so that a link is valid at once even if this host's clock runs ahead.
    private static readonly TimeSpan StartSkew = TimeSpan.FromMinutes(5);

    // A key this close to expiry is not worth signing with: the link would be dead before it is used.
    private static readonly TimeSpan MinimumUsefulLife = TimeSpan.FromMinutes(15);

    private readonly Func<DateTimeOffset, DateTimeOffset, UserDelegationKey> _request;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private UserDelegationKey? _key;
    private DateTimeOffset _nextAttempt = DateTimeOffset.MinValue;

    /// <summary>Creates the cache; <paramref name="request"/> asks the service for a key valid from the first to the second time.</summary>
    public UserDelegationKeyCache(Func<DateTimeOffset, DateTimeOffset, UserDelegationKey> request, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _request = request;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Returns a key with time left, renewing it when due; null when none can be had (the caller offers no SAS link then).</summary>
    public UserDelegationKey? Get()
    {
        var now = _timeProvider.GetUtcNow();
        if (Volatile.Read(ref _key) is { } fresh && fresh.SignedExpiresOn - now > RenewBefore)
        {
            return fresh;
        }

        // While one caller renews (a network call), the others keep signing with the current key if it still has life.
        if (!_gate.TryEnter())
        {
            if (Usable(Volatile.Read(ref _key), now) is { } current)
            {
                return current;
            }

            _gate.Enter();
        }

        try
        {
            if (_key is { } cached && cached.SignedExpiresOn - now > RenewBefore)
            {
                return cached;
            }

            if (now < _nextAttempt)
            {
                return Usable(_key, now);
            }

            try
            {
                Volatile.Write(ref _key, _request(now - StartSkew, now + KeyLifetime));
                Log.KeyObtained(_logger, _key!.SignedExpiresOn);
                return _key;
            }
            catch (Exception ex) when (ex is RequestFailedException or AuthenticationFailedException)
            {
                _nextAttempt = now + RetryAfterFailure;
                Log.KeyFailed(_logger, ex);
                return Usable(_key, now);
            }
        }
        finally
        {
            _gate.Exit();
        }
    }

    private static UserDelegationKey? Usable(UserDelegationKey? key, DateTimeOffset now)
        => key is not null && key.SignedExpiresOn - now > MinimumUsefulLife ? key : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "User-delegation key for upload links obtained, valid until {ExpiresOn}")]
        public static partial void KeyObtained(ILogger logger, DateTimeOffset expiresOn);

        [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Could not get a user-delegation key for upload links (the identity needs generateUserDelegationKey on the account, e.g. Storage Blob Data Owner/Contributor); claims get the app's documents URL instead")]
        public static partial void KeyFailed(ILogger logger, Exception exception);
    }
}

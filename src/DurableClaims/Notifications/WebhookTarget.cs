using System.Security.Cryptography;
using System.Text;
using DurableClaims.Configuration;

namespace DurableClaims.Notifications;

/// <summary>A configured webhook as a claim's history refers to it: its position in <c>Claims:Webhooks:Urls</c> and a keyed fingerprint of its URL, never the URL.</summary>
/// <remarks>
/// Activity inputs and outputs are part of the orchestration history, which the management API shows
/// (<c>showHistory=true</c>); a URL there would publish its credentials and tokens. The URL is resolved inside the
/// activity from the current options. <paramref name="Fingerprint"/> is null only for targets of claims started
/// before targets had one (resolved by position).
/// </remarks>
/// <param name="Index">The position in <c>Claims:Webhooks:Urls</c> when the claim started.</param>
/// <param name="Fingerprint">HMAC-SHA256 of the URL under the webhook secret, shortened: names the URL without revealing it.</param>
public sealed record WebhookTarget(int Index, string? Fingerprint)
{
    /// <summary>The configuration key of the target, for logs (<c>Claims:Webhooks:Urls:0</c>).</summary>
    public override string ToString() => $"{WebhookOptions.SectionName}:Urls:{Index}";

    /// <summary>The targets of the configured URLs, in order.</summary>
    public static IReadOnlyList<WebhookTarget> Of(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.Urls.Select((url, index) => new WebhookTarget(index, FingerprintOf(options.Secret, url)))];
    }

    /// <summary>
    /// The URL this target stands for now: the configured URL with the same fingerprint (the list may have been
    /// reordered), else null when that URL was removed or changed since the claim started.
    /// </summary>
    public Uri? Resolve(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Fingerprint is null)
        {
            return Index >= 0 && Index < options.Urls.Count ? options.Urls[Index] : null;
        }

        if (Index >= 0 && Index < options.Urls.Count && FingerprintOf(options.Secret, options.Urls[Index]) == Fingerprint)
        {
            return options.Urls[Index];
        }

        return options.Urls.FirstOrDefault(url => FingerprintOf(options.Secret, url) == Fingerprint);
    }

    /// <summary>Keyed, so a fingerprint in a history cannot be checked against guessed URLs without the webhook secret.</summary>
    private static string FingerprintOf(string? secret, Uri url)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty), Encoding.UTF8.GetBytes(url.AbsoluteUri));
        return Convert.ToHexStringLower(mac.AsSpan(0, 8));
    }
}

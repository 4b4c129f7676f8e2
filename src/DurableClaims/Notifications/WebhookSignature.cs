using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DurableClaims.Notifications;

/// <summary>HMAC-SHA256 signatures of webhook deliveries: <c>sha256=hex(HMAC(secret, "{timestamp}.{body}"))</c>.</summary>
/// <remarks>The timestamp is signed too, so a receiver can refuse old deliveries replayed by someone who captured one.</remarks>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-DurableClaims-Signature";
    public const string TimestampHeader = "X-DurableClaims-Timestamp";
    public const string EventHeader = "X-DurableClaims-Event";
    public const string DeliveryHeader = "X-DurableClaims-Delivery";

    /// <summary>Computes the header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Compute(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var payload = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>Checks a received signature in constant time.</summary>
    public static bool Verify(string secret, long timestamp, string body, string? signature)
        => signature is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Compute(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
}

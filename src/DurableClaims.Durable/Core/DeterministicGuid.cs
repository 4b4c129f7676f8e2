using System.Security.Cryptography;
using System.Text;

namespace DurableClaims.Durable.Core;

/// <summary>Name-based UUID v5 (RFC 4122), as DTFx uses for replay-safe NewGuid.</summary>
internal static class DeterministicGuid
{
    // The same namespace DTFx uses (a fixed, arbitrary UUID) so ids look alike across engines.
    private static readonly Guid NamespaceId = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        Span<byte> ns = stackalloc byte[16];
        NamespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for v5 UUIDs; this is not a security use.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}

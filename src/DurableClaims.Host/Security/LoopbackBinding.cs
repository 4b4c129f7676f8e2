using System.Net;

namespace DurableClaims.Host.Security;

/// <summary>Rewrites listen addresses to loopback when no key is configured, so an unprotected host is never reachable from the network.</summary>
public static class LoopbackBinding
{
    /// <summary>Returns the URLs with every non-loopback host replaced by 127.0.0.1, and whether anything changed.</summary>
    public static (string Urls, bool Changed) Restrict(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var changed = false;
        var result = new List<string>();
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd < 0)
            {
                result.Add(url);
                continue;
            }

            var rest = url[(schemeEnd + 3)..];
            var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
            var host = hostEnd <= 0 ? rest : rest[..hostEnd];
            if (IsLoopbackHost(host))
            {
                result.Add(url);
                continue;
            }

            changed = true;
            result.Add(string.Concat(url.AsSpan(0, schemeEnd + 3), "127.0.0.1", hostEnd <= 0 ? string.Empty : rest[hostEnd..]));
        }

        return (string.Join(';', result), changed);
    }

    private static bool IsLoopbackHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace DurableClaims.Http;

/// <summary>The base of the absolute URLs a host writes into responses (Location, management links, upload links), never taken from a raw <c>Host</c> header.</summary>
/// <remarks>
/// Order: a configured public base URL (<c>Host:PublicBaseUrl</c>; in the Functions app also <c>WEBSITE_HOSTNAME</c>); else the
/// request's host when <c>AllowedHosts</c> names it (ASP.NET Core's host filtering already refuses other hosts); else the
/// address the request arrived on, i.e. the host's own listening address. A spoofed <c>Host</c> header thus changes no link.
/// </remarks>
public sealed class PublicBaseUrl
{
    /// <summary>The setting that names the public base URL, e.g. <c>https://claims.example.com</c>.</summary>
    public const string SettingName = "Host:PublicBaseUrl";

    private readonly string? _configured;
    private readonly List<StringSegment> _allowedHosts;

    /// <summary>Creates the rule from a configured base URL (or null) and the <c>AllowedHosts</c> patterns.</summary>
    public PublicBaseUrl(string? configured, IReadOnlyList<string>? allowedHosts = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"{SettingName} must be an absolute http or https URL (was '{configured}').", nameof(configured));
            }

            _configured = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        _allowedHosts = (allowedHosts ?? []).Where(h => !string.IsNullOrWhiteSpace(h) && h.Trim() != "*").Select(h => new StringSegment(h.Trim())).ToList();
    }

    /// <summary>Gets the configured base URL, or null when links follow <c>AllowedHosts</c> or the listening address.</summary>
    public string? Configured => _configured;

    /// <summary>Reads <c>Host:PublicBaseUrl</c>, then (for the Functions app) <c>WEBSITE_HOSTNAME</c>, and <c>AllowedHosts</c> (semicolon-separated, as ASP.NET Core reads it).</summary>
    public static PublicBaseUrl From(IConfiguration configuration, bool useWebsiteHostname = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(configured) && useWebsiteHostname && configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } site)
        {
            // App Service serves HTTPS on its host name; func start sets localhost:7071 over HTTP.
            var local = site.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || site.StartsWith("127.0.0.1", StringComparison.Ordinal);
            configured = (local ? "http://" : "https://") + site;
        }

        var allowed = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new PublicBaseUrl(configured, allowed);
    }

    /// <summary>The base URL for links in the response to <paramref name="request"/> (scheme, host, port and path base; no trailing slash).</summary>
    public string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_configured is not null)
        {
            return _configured;
        }

        if (_allowedHosts.Count > 0 && request.Host.HasValue && HostString.MatchesAny(new StringSegment(request.Host.Value), _allowedHosts))
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }

        return $"{request.Scheme}://{ListeningAuthority(request)}{request.PathBase}";
    }

    /// <summary>The address and port the connection arrived on; else the server's first concrete address; else localhost.</summary>
    private static string ListeningAuthority(HttpRequest request)
    {
        var connection = request.HttpContext.Connection;
        if (connection.LocalIpAddress is { } local && connection.LocalPort > 0)
        {
            var address = local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local;
            return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{connection.LocalPort}" : $"{address}:{connection.LocalPort}";
        }

        var addresses = request.HttpContext.RequestServices?.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var candidate in addresses)
        {
            if (Uri.TryCreate(candidate, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip)
                && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any))
            {
                return uri.Authority;
            }
        }

        return "localhost";
    }
}

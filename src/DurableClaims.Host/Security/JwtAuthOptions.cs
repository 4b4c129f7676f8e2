using Microsoft.Extensions.Options;

namespace DurableClaims.Host.Security;

/// <summary>Bearer tokens for the people who act (<c>Claims:Auth:Jwt</c>); off while neither an authority nor an audience is set.</summary>
/// <remarks>
/// For Entra ID: <c>Authority</c> <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c> and <c>Audience</c> the API's
/// application id URI or client id. The signing keys and issuer come from the authority's OpenID metadata.
/// </remarks>
public sealed class JwtAuthOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Claims:Auth:Jwt";

    /// <summary>Gets or sets the token issuer's authority, whose <c>.well-known/openid-configuration</c> names the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Gets or sets the audience a token must be issued for (the API's application id URI or client id).</summary>
    public string? Audience { get; set; }

    /// <summary>Gets the issuers accepted besides the authority's own (for example the v1 issuer <c>https://sts.windows.net/&lt;tenant&gt;/</c>).</summary>
    public IList<string> ValidIssuers { get; } = [];

    /// <summary>Gets or sets whether the authority must be https; only a local test issuer would turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Gets whether bearer tokens are accepted at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Audience);
}

/// <summary>Checks <see cref="JwtAuthOptions"/> at start-up: an authority (https) and an audience, or neither.</summary>
public sealed class JwtAuthOptionsValidator : IValidateOptions<JwtAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        var section = JwtAuthOptions.SectionName;
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority)
            || (authority.Scheme != Uri.UriSchemeHttps && (options.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
        {
            errors.Add($"{section}:Authority must be an absolute https URL such as https://login.microsoftonline.com/<tenant>/v2.0 (was '{options.Authority}').");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add($"{section}:Audience is required with an authority: the API's application id URI or client id.");
        }

        if (options.ValidIssuers.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{section}:ValidIssuers must not hold empty entries.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

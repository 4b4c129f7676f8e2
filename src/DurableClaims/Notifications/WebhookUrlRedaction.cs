namespace DurableClaims.Notifications;

/// <summary>Webhook URLs as logs and error messages may show them: no user info, no query, no fragment.</summary>
/// <remarks>Receivers often authenticate by <c>user:password@</c> or a <c>?token=</c>; the path stays so an operator can tell targets apart.</remarks>
public static class WebhookUrlRedaction
{
    /// <summary><c>https://user:pw@hooks.example.com/path?token=x</c> → <c>https://hooks.example.com/path?***</c>.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return "(relative URL)";
        }

        var visible = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return url.Query.Length > 0 ? visible + "?***" : visible;
    }

    /// <summary>Replaces the secret parts of <paramref name="url"/> wherever they appear in <paramref name="text"/> (an HTTP error message, say).</summary>
    public static string Scrub(string text, Uri url)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return text;
        }

        foreach (var secret in new[] { url.OriginalString, url.AbsoluteUri })
        {
            text = text.Replace(secret, Redact(url), StringComparison.Ordinal);
        }

        foreach (var part in new[] { url.UserInfo, Uri.UnescapeDataString(url.UserInfo), url.Query.TrimStart('?') })
        {
            if (part.Length > 0)
            {
                text = text.Replace(part, "***", StringComparison.Ordinal);
            }
        }

        return text;
    }
}

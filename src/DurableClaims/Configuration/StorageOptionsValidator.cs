using Microsoft.Extensions.Options;

namespace DurableClaims.Configuration;

/// <summary>Checks <see cref="StorageOptions"/> at start-up, naming each setting in both its forms.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ConnectionNames = "Claims:Storage:ConnectionString or AzureWebJobsStorage";
    private const string UriNames = "Claims:Storage:BlobServiceUri or AzureWebJobsStorage__blobServiceUri";

    // A user-delegation key lives at most 7 days, so no link could outlive that anyway.
    private static readonly TimeSpan MaxUploadLinkLifetime = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        ClaimsOptionsValidator.Check(
            errors, !(options.UsesConnectionString && options.UsesServiceUri),
            $"Set either a storage connection string ({ConnectionNames}) or a blob service URI ({UriNames}), not both.");
        if (options.UsesServiceUri)
        {
            // Token credentials are never sent over plain http (the Azure SDK refuses at the first request), so
            // an http URI is refused here, where the message can name the setting.
            ClaimsOptionsValidator.Check(
                errors, IsHttpsUri(options.BlobServiceUri),
                $"{UriNames} must be an absolute https URL such as https://<account>.blob.core.windows.net/ (was '{options.BlobServiceUri}').");
        }

        ClaimsOptionsValidator.Check(
            errors, AzureCredentials.IsKnown(options.Credential),
            $"Claims:Storage:Credential (AzureWebJobsStorage__credential) must be '{AzureCredentials.ManagedIdentity}', '{AzureCredentials.Default}' or empty (was '{options.Credential}').");
        ClaimsOptionsValidator.Check(
            errors, AzureCredentials.IsValidClientId(options.ClientId),
            $"Claims:Storage:ClientId (AzureWebJobsStorage__clientId) must be the client id (a GUID) of a user-assigned managed identity (was '{options.ClientId}').");
        var namesIdentity = !string.IsNullOrWhiteSpace(options.Credential) || !string.IsNullOrWhiteSpace(options.ClientId);
        ClaimsOptionsValidator.Check(
            errors, !namesIdentity || options.UsesServiceUri,
            $"Claims:Storage:Credential and Claims:Storage:ClientId (AzureWebJobsStorage__credential, __clientId) apply only to a blob service URI ({UriNames}); a connection string carries its own key.");
        ClaimsOptionsValidator.Check(
            errors, options.UploadLinkLifetime > TimeSpan.Zero && options.UploadLinkLifetime <= MaxUploadLinkLifetime,
            $"Claims:Storage:UploadLinkLifetime must be more than zero and at most 7 days, e.g. 04:00:00 (was '{options.UploadLinkLifetime}').");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttpsUri(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host);
}

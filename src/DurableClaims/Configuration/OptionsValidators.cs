using Microsoft.Extensions.Options;

namespace DurableClaims.Configuration;

/// <summary>Checks <see cref="ClaimsOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class ClaimsOptionsValidator : IValidateOptions<ClaimsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaimsOptions options)
    {
        var errors = new List<string>(options.FlatNameErrors);
        Check(errors, options.MaxRounds is >= 1 and <= 1000, "Claims:MaxRounds (ORCHESTRATION_MAX_ROUNDS) must be between 1 and 1000.");
        Check(errors, options.StallThreshold is >= 1 and <= 100, "Claims:StallThreshold (ORCHESTRATION_STALL_THRESHOLD) must be between 1 and 100.");
        Check(errors, options.ReminderInterval > TimeSpan.Zero, "Claims:ReminderInterval must be positive.");
        Check(errors, options.DocumentDeadline > TimeSpan.Zero, "Claims:DocumentDeadline must be positive.");
        Check(errors, options.ReviewDeadline > TimeSpan.Zero, "Claims:ReviewDeadline must be positive.");
        Check(errors, options.AutoCloseAfter >= TimeSpan.Zero, "Claims:AutoCloseAfter must not be negative (00:00:00 closes stalled, timed-out and errored claims at once).");
        Check(errors, options.HighRiskThreshold is > 0 and <= 1, "Claims:HighRiskThreshold must be above 0 and at most 1.");
        Check(errors, options.ActivityMaxAttempts is >= 1 and <= 20, "Claims:ActivityMaxAttempts must be between 1 and 20.");
        Check(errors, options.ActivityFirstRetryInterval >= TimeSpan.Zero, "Claims:ActivityFirstRetryInterval cannot be negative.");
        Check(errors, options.PoliciesFile is null || File.Exists(options.PoliciesFile), $"Claims:PoliciesFile '{options.PoliciesFile}' does not exist.");
        Check(errors, options.RequirementsFile is null || File.Exists(options.RequirementsFile), $"Claims:RequirementsFile '{options.RequirementsFile}' does not exist.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}

/// <summary>Checks <see cref="ModelOptions"/> at start-up.</summary>
internal sealed class ModelOptionsValidator : IValidateOptions<ModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelOptions options)
    {
        var errors = new List<string>();
        var known = options.IsOffline || string.Equals(options.Provider, ModelOptions.OpenAIProvider, StringComparison.OrdinalIgnoreCase);
        ClaimsOptionsValidator.Check(errors, known, $"Claims:Model:Provider must be 'offline' or 'openai' (was '{options.Provider}').");
        if (known && !options.IsOffline)
        {
            ClaimsOptionsValidator.Check(errors, !string.IsNullOrWhiteSpace(options.Model), "Claims:Model:Model (model or deployment name) is required for the openai provider.");
            ClaimsOptionsValidator.Check(errors, options.Endpoint is null || options.Endpoint.IsAbsoluteUri, "Claims:Model:Endpoint must be an absolute URL.");
            if (options.UsesTokenCredential)
            {
                ValidateTokenCredential(errors, options);
            }
            else
            {
                ClaimsOptionsValidator.Check(errors, !string.IsNullOrWhiteSpace(options.ApiKey), "Claims:Model:ApiKey is required for the openai provider.");
                ClaimsOptionsValidator.Check(errors, string.IsNullOrWhiteSpace(options.ClientId), "Claims:Model:ClientId applies only with Claims:Model:Credential (managedidentity or default).");
            }
        }

        ClaimsOptionsValidator.Check(errors, options.MaxToolCalls is >= 0 and <= 32, "Claims:Model:MaxToolCalls must be between 0 and 32.");
        ClaimsOptionsValidator.Check(errors, options.Timeout > TimeSpan.Zero, "Claims:Model:Timeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateTokenCredential(List<string> errors, ModelOptions options)
    {
        ClaimsOptionsValidator.Check(
            errors, AzureCredentials.IsKnown(options.Credential),
            $"Claims:Model:Credential must be '{AzureCredentials.ManagedIdentity}', '{AzureCredentials.Default}' or empty (was '{options.Credential}').");
        ClaimsOptionsValidator.Check(
            errors, string.IsNullOrWhiteSpace(options.ApiKey),
            "Claims:Model:ApiKey and Claims:Model:Credential are mutually exclusive: authenticate with the key or with the identity, not both.");
        ClaimsOptionsValidator.Check(
            errors, options.Endpoint is not null,
            "Claims:Model:Endpoint is required with Claims:Model:Credential (the Azure OpenAI endpoint, https://<name>.openai.azure.com/openai/v1/).");

        // The SDK's bearer-token policy refuses plain http at the first call; refusing here names the setting.
        ClaimsOptionsValidator.Check(
            errors, options.Endpoint is not { IsAbsoluteUri: true } endpoint || endpoint.Scheme == Uri.UriSchemeHttps,
            $"Claims:Model:Endpoint must be an https URL when Claims:Model:Credential is set (was '{options.Endpoint}').");
        ClaimsOptionsValidator.Check(
            errors, AzureCredentials.IsValidClientId(options.ClientId),
            $"Claims:Model:ClientId must be the client id (a GUID) of a user-assigned managed identity (was '{options.ClientId}').");
    }
}

/// <summary>Checks <see cref="WebhookOptions"/> at start-up.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        foreach (var url in options.Urls)
        {
            ClaimsOptionsValidator.Check(errors, url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps), $"Claims:Webhooks:Urls entry '{url}' must be an absolute http(s) URL.");
        }

        ClaimsOptionsValidator.Check(errors, !options.Enabled || !string.IsNullOrWhiteSpace(options.Secret), "Claims:Webhooks:Secret is required when webhook URLs are configured (deliveries are HMAC-SHA256 signed).");
        ClaimsOptionsValidator.Check(errors, options.MaxAttempts is >= 1 and <= 20, "Claims:Webhooks:MaxAttempts must be between 1 and 20.");
        ClaimsOptionsValidator.Check(errors, options.Timeout > TimeSpan.Zero, "Claims:Webhooks:Timeout must be positive.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using DurableClaims.Api.Intake;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api;

/// <summary>Checks <see cref="ClaimsApiOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class ClaimsApiOptionsValidator : IValidateOptions<ClaimsApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaimsApiOptions options)
    {
        var errors = new List<string>();
        Check(errors, options.MaxDocumentBytes > 0, $"{ClaimsApiOptions.SectionName}:MaxDocumentBytes must be positive (was {options.MaxDocumentBytes}).");
        Check(errors, options.MaxDocumentsPerRequest > 0, $"{ClaimsApiOptions.SectionName}:MaxDocumentsPerRequest must be positive (was {options.MaxDocumentsPerRequest}).");
        Check(errors, options.DeleteTimeout > TimeSpan.Zero, $"{ClaimsApiOptions.SectionName}:DeleteTimeout must be positive (was {options.DeleteTimeout}).");
        Check(errors, options.DefaultUploadWindow > TimeSpan.Zero, $"{ClaimsApiOptions.SectionName}:DefaultUploadWindow must be positive (was {options.DefaultUploadWindow}).");
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

/// <summary>Checks <see cref="UploadOptions"/> at start-up: the listener's poll interval must be positive.</summary>
internal sealed class UploadOptionsValidator : IValidateOptions<UploadOptions>
{
    public ValidateOptionsResult Validate(string? name, UploadOptions options)
    {
        var errors = new List<string>();
        ClaimsApiOptionsValidator.Check(errors, options.PollInterval > TimeSpan.Zero, $"{UploadOptions.SectionName}:PollInterval must be positive (was {options.PollInterval}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

using DurableClaims.Api.Intake;
using DurableClaims.Configuration;
using Microsoft.Extensions.Options;

namespace DurableClaims.Api;

/// <summary>Checks <see cref="ClaimsApiOptions"/> at start-up, naming each bad setting.</summary>
internal sealed class ClaimsApiOptionsValidator : IValidateOptions<ClaimsApiOptions>
{
    public ValidateOptionsResult Validate(string? name, ClaimsApiOptions options)
    {
        var errors = new List<string>();
        ClaimsOptionsValidator.Check(errors, options.MaxDocumentBytes > 0, $"{ClaimsApiOptions.SectionName}:MaxDocumentBytes must be positive (was {options.MaxDocumentBytes}).");
        ClaimsOptionsValidator.Check(errors, options.MaxDocumentsPerRequest > 0, $"{ClaimsApiOptions.SectionName}:MaxDocumentsPerRequest must be positive (was {options.MaxDocumentsPerRequest}).");
        ClaimsOptionsValidator.Check(errors, options.DeleteTimeout > TimeSpan.Zero, $"{ClaimsApiOptions.SectionName}:DeleteTimeout must be positive (was {options.DeleteTimeout}).");
        ClaimsOptionsValidator.Check(errors, options.DefaultUploadWindow > TimeSpan.Zero, $"{ClaimsApiOptions.SectionName}:DefaultUploadWindow must be positive (was {options.DefaultUploadWindow}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Checks <see cref="UploadOptions"/> at start-up: the listener's poll interval must be positive.</summary>
internal sealed class UploadOptionsValidator : IValidateOptions<UploadOptions>
{
    public ValidateOptionsResult Validate(string? name, UploadOptions options)
    {
        var errors = new List<string>();
        ClaimsOptionsValidator.Check(errors, options.PollInterval > TimeSpan.Zero, $"{UploadOptions.SectionName}:PollInterval must be positive (was {options.PollInterval}).");
        ClaimsOptionsValidator.Check(errors, options.ReceiptTakeoverAfter > TimeSpan.Zero, $"{UploadOptions.SectionName}:ReceiptTakeoverAfter must be positive (was {options.ReceiptTakeoverAfter}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

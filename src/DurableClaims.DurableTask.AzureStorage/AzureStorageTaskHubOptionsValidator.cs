using Microsoft.Extensions.Options;

namespace DurableClaims.DurableTask.AzureStorage;

/// <summary>Stops the start with the first broken rule of the Azure Storage task hub's settings, named.</summary>
internal sealed class AzureStorageTaskHubOptionsValidator : IValidateOptions<AzureStorageTaskHubOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureStorageTaskHubOptions options) =>
        options.Validate() is { } problem ? ValidateOptionsResult.Fail($"Azure Storage task hub ({AzureStorageTaskHubOptions.SectionName}): {problem}") : ValidateOptionsResult.Success;
}

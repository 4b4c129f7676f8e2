using Microsoft.Extensions.Options;

namespace DurableClaims.Host.Extensions;

/// <summary>Checks the numbers of <see cref="HostSettings"/> at start-up, naming each bad setting.</summary>
/// <remarks>
/// The settings are read before the service container exists (Kestrel's body limit and the thread-pool
/// floor need them), so <see cref="HostBuilderExtensions.AddDurableClaimsHost"/> runs this at once
/// instead of through ValidateOnStart; a bad value stops the host before it listens.
/// </remarks>
public sealed class HostSettingsValidator : IValidateOptions<HostSettings>
{
    public ValidateOptionsResult Validate(string? name, HostSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(errors, options.MaxRequestBodyBytes > 0, $"Host:MaxRequestBodyBytes must be positive (was {options.MaxRequestBodyBytes}).");
        Check(errors, options.MaxClaimBytes > 0, $"Host:MaxClaimBytes must be positive (was {options.MaxClaimBytes}).");
        Check(errors, options.MaxEventBytes > 0, $"Host:MaxEventBytes must be positive (was {options.MaxEventBytes}).");
        Check(errors, options.MinWorkerThreads is >= 1 and <= 32_767, $"Host:MinWorkerThreads must be between 1 and 32767 (was {options.MinWorkerThreads}).");
        Check(errors, options.ShutdownTimeout > TimeSpan.Zero && options.ShutdownTimeout <= TimeSpan.FromMinutes(10),
            $"Host:ShutdownTimeout must be more than zero and at most 10 minutes, e.g. 00:00:20 (was {options.ShutdownTimeout}).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every bad setting.</summary>
    public static void ThrowIfInvalid(HostSettings settings)
    {
        var result = new HostSettingsValidator().Validate(Options.DefaultName, settings);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(HostSettings), result.Failures);
        }
    }

    private static void Check(List<string> errors, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(message);
        }
    }
}

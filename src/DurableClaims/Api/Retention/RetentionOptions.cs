using System.ComponentModel.DataAnnotations;

namespace DurableClaims.Api.Retention;

/// <summary>Retention clean-up settings, bound from "Retention" (app settings <c>Retention__*</c>); both hosts use them.</summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Retention";

    /// <summary>Gets or sets the age in days after which finished claims (sessions and instances) are removed.</summary>
    [Range(1, 36_500)]
    public int OlderThanDays { get; set; } = 365;

    /// <summary>Gets or sets whether the local host runs the clean-up on its own (the Functions app uses its timer trigger instead).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets how often the local host runs the clean-up; the first run is one interval after start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}

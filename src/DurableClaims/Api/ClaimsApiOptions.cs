namespace DurableClaims.Api;

/// <summary>Limits and timings of the claims API, bound from the configuration section "Api".</summary>
public sealed class ClaimsApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Gets or sets the largest single document accepted (bytes).</summary>
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Gets or sets the most documents in one submission.</summary>
    public int MaxDocumentsPerRequest { get; set; } = 50;

    /// <summary>Gets the largest JSON documents body: every document at its limit, inflated 4/3 by base64, plus room for the JSON around it.</summary>
    public long MaxJsonDocumentsBodyBytes => (MaxDocumentBytes * MaxDocumentsPerRequest * 4 / 3) + 64 * 1024;

    /// <summary>Gets or sets how long DELETE waits for a terminated claim to stop before purging it.</summary>
    public TimeSpan DeleteTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets how long an upload URL stays valid when the claim carries no document deadline.</summary>
    public TimeSpan DefaultUploadWindow { get; set; } = TimeSpan.FromDays(7);
}

using DurableClaims.Contracts;

namespace DurableClaims.Api.Intake;

/// <summary>The document types a running claim expects: the ones it still misses and the ones it already has (a replacement is welcome).</summary>
internal static class ExpectedDocuments
{
    /// <summary>Returns the expected types in order, or null while the claim is still in intake (its required documents are not known yet).</summary>
    public static IReadOnlyList<string>? Of(ClaimProgress? progress)
        => progress is null
            ? null
            : progress.MissingDocuments.Concat(progress.ReceivedDocuments).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Returns whether <paramref name="type"/> is expected; every type is while the expected ones are not known.</summary>
    public static bool Allows(IReadOnlyList<string>? expected, string type)
        => expected is null || expected.Contains(type, StringComparer.Ordinal);
}

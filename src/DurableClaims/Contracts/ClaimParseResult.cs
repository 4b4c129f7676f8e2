using System.Diagnostics.CodeAnalysis;

namespace DurableClaims.Contracts;

/// <summary>The result of parsing a claim: the submission, or every validation error keyed by field.</summary>
public sealed class ClaimParseResult
{
    private ClaimParseResult(ClaimSubmission? submission, IReadOnlyDictionary<string, string[]> errors)
    {
        Submission = submission;
        Errors = errors;
    }

    /// <summary>Gets the submission when the input was valid.</summary>
    public ClaimSubmission? Submission { get; }

    /// <summary>Gets the errors keyed by camelCase JSON path (e.g. <c>claimant.email</c>, <c>documents[0].type</c>); empty when valid.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>Gets whether the input was valid.</summary>
    [MemberNotNullWhen(true, nameof(Submission))]
    public bool IsValid => Submission is not null;

    internal static ClaimParseResult Success(ClaimSubmission submission)
        => new(submission, new Dictionary<string, string[]>());

    internal static ClaimParseResult Failure(IReadOnlyDictionary<string, string[]> errors)
        => new(null, errors);
}

using System.Globalization;
using System.Text;
using DurableClaims.Agents.Plugins;
using DurableClaims.Configuration;
using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;
using Microsoft.Extensions.Options;

namespace DurableClaims.Agents.Offline;

/// <summary>What the offline model writes for each agent: rules applied to the case file, in an analyst's words, with a verdict block.</summary>
public sealed partial class OfflineAnalyst
{
    private readonly PolicyCatalog _catalog;
    private readonly double _highRisk;

    /// <summary>Creates the analyst.</summary>
    public OfflineAnalyst(PolicyCatalog catalog, IOptions<ClaimsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _highRisk = options.Value.HighRiskThreshold;
    }

    /// <summary>Writes the message of <paramref name="agent"/> for the case file (and the result of its tool call, if any).</summary>
    public string Write(string agent, CaseFile caseFile, string? toolResult)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        var text = new StringBuilder();
        var verdict = agent switch
        {
            ClaimAgents.IntakeName => Intake(caseFile, text),
            ClaimAgents.DocumentsName => Documents(caseFile, text),
            ClaimAgents.RiskName => Risk(caseFile, text),
            ClaimAgents.CoverageName => Coverage(caseFile, toolResult, text),
            ClaimAgents.DecisionName => Decision(caseFile, text),
            _ => Unknown(agent, text),
        };
        return text.Append('\n').Append(verdict.ToBlock()).ToString();
    }

    private AgentVerdict Intake(CaseFile file, StringBuilder text)
    {
        var claim = file.Claim;
        var policy = _catalog.FindPolicy(claim.PolicyNumber);
        var reported = DateOnly.FromDateTime(file.SubmittedAt.UtcDateTime).DayNumber - claim.IncidentDate.DayNumber;
        text.Append(CultureInfo.InvariantCulture, $"Intake summary for claim {claim.ClaimId}.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Claimant: {claim.Claimant.Name} ({claim.Claimant.Email})\n");
        text.Append(policy is null
            ? $"- Policy: {claim.PolicyNumber} is not on file.\n"
            : $"- Policy: {policy.PolicyNumber}, held by {policy.Holder}, {policy.EffectiveFrom:yyyy-MM-dd} to {policy.EffectiveTo:yyyy-MM-dd}.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Incident: {claim.IncidentDate:yyyy-MM-dd}, reported {reported} days later.\n");
        text.Append(CultureInfo.InvariantCulture, $"- Amount claimed: {Money(claim.Amount, claim)} ({claim.ClaimType}).\n");
        text.Append(CultureInfo.InvariantCulture, $"- What happened: {FirstSentence(claim.Description)}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Documents with the claim: {(file.Documents.Count == 0 ? "none" : string.Join(", ", file.Documents.Select(d => d.Type)))}.\n");
        return new AgentVerdict { Findings = [policy is null ? $"Policy {claim.PolicyNumber} is not on file." : $"Policy {claim.PolicyNumber} is on file."] };
    }

    private AgentVerdict Documents(CaseFile file, StringBuilder text)
    {
        var received = file.Documents.Select(d => d.Type).ToHashSet(StringComparer.Ordinal);
        var required = file.RequiredDocuments.Count > 0 ? file.RequiredDocuments : _catalog.RequiredDocuments(file.Claim.ClaimType);
        var missing = required.Where(r => !received.Contains(r)).ToList();
        text.Append("Document check against the requirements for ").Append(file.Claim.ClaimType).Append(" claims:\n");
        foreach (var type in required)
        {
            text.Append(received.Contains(type) ? "- [x] " : "- [ ] ").Append(_catalog.TitleOf(type)).Append(" (").Append(type).Append(")\n");
        }

        var evidence = new List<EvidenceItem>();
        foreach (var document in file.Documents.Where(d => d.Content is not null))
        {
            var summary = Summarize(document);
            evidence.Add(new EvidenceItem($"{document.Type} ({document.Filename})", summary));
            text.Append(CultureInfo.InvariantCulture, $"Read {document.Filename}: {summary}\n");
        }

        var findings = new List<string> { missing.Count == 0 ? "All required documents are on file." : $"Missing required documents: {string.Join(", ", missing)}." };
        var additional = file.Round == 0
            ? []
            : ClaimAnalysis.AdditionalDocuments(file.Claim, file.Documents, _catalog.Requirements, _catalog.AppraisalThreshold(file.Claim.ClaimType))
                .Where(r => !received.Contains(r.Type)).ToList();
        foreach (var request in additional)
        {
            text.Append(CultureInfo.InvariantCulture, $"Also needed: {_catalog.TitleOf(request.Type)} ({request.Type}). {request.Reason}\n");
            findings.Add($"Additional document required: {request.Type}.");
        }

        return new AgentVerdict { Findings = findings, AdditionalDocuments = additional, Evidence = evidence };
    }

    private AgentVerdict Risk(CaseFile file, StringBuilder text)
    {
        var assessment = Assess(file);
        text.Append(CultureInfo.InvariantCulture, $"Risk score {assessment.Score:0.00} (review threshold {_highRisk:0.00}).\n");
        foreach (var indicator in assessment.Indicators)
        {
            text.Append("- ").Append(indicator).Append('\n');
        }

        if (assessment.Indicators.Count == 0)
        {
            text.Append("No fraud indicators found in the claim or its documents.\n");
        }

        return new AgentVerdict
        {
            RiskScore = assessment.Score,
            Findings = [FormattableString.Invariant($"Risk score {assessment.Score:0.00}."), .. assessment.Indicators],
            Evidence = assessment.Indicators.Select(i => new EvidenceItem(RuleFloor.RiskSource, i)).ToList(),
        };
    }

    private AgentVerdict Coverage(CaseFile file, string? toolResult, StringBuilder text)
    {
        var coverage = PolicyPlugin.ParseCoverage(toolResult) ?? Evaluate(file);
        text.Append("Coverage rules for this claim:\n");
        foreach (var rule in coverage.Rules)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {rule.Id} ({rule.Result}): {rule.Detail}\n");
        }

        text.Append(coverage.Covered
            ? $"Payable after deductible and limit: {Money(coverage.PayableAmount, file.Claim)}.\n"
            : "The claim is not covered under this policy.\n");
        var findings = coverage.Covered
            ? [$"All policy rules pass; payable amount {Money(coverage.PayableAmount, file.Claim)}."]
            : coverage.Failed.Select(RuleFloor.FailedRuleFinding).ToList();
        return new AgentVerdict
        {
            Findings = findings,
            Evidence = [new EvidenceItem($"policy {file.Claim.PolicyNumber}", coverage.Covered ? "All coverage rules pass." : string.Join(" ", coverage.Failed.Select(r => r.Detail)))],
        };
    }

    private static AgentVerdict Unknown(string agent, StringBuilder text)
    {
        text.Append(CultureInfo.InvariantCulture, $"I do not know the role '{agent}', so I add nothing to this claim.\n");
        return AgentVerdict.Empty;
    }

    private CoverageEvaluation Evaluate(CaseFile file) => CoverageRules.Evaluate(file.Claim, _catalog.FindPolicy(file.Claim.PolicyNumber));

    private RiskAssessment Assess(CaseFile file)
        => RiskAssessor.Assess(
            file.Claim, _catalog.FindPolicy(file.Claim.PolicyNumber), file.SubmittedAt,
            file.Documents.Select(d => d.Content).OfType<string>(), _catalog.Requirements.Risk);

    private static string Money(decimal amount, ClaimSubmission claim) => CoverageRules.Money(amount, claim.Currency);

    /// <summary>The first sentence of a document, plus its total when it states one.</summary>
    private static string Summarize(CaseDocument document)
    {
        var first = FirstSentence(document.Content ?? string.Empty);
        return DocumentFacts.TotalOf(document.Content) is { } total
            ? string.Create(CultureInfo.InvariantCulture, $"{first.TrimEnd('.')}; total {total:N2}.")
            : first;
    }

    private static string FirstSentence(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim().TrimStart('#', '-', '*', ' ')).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        var end = line.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end > 0 ? line[..(end + 1)] : line;
        return sentence.Length > 200 ? sentence[..200] + "…" : sentence;
    }
}

using System.Globalization;
using System.Text;
using DurableClaims.Contracts;
using DurableClaims.Domain;

namespace DurableClaims.Agents.Offline;

/// <summary>The decision agent's reasoning: coverage first, then amount conflicts, then line items, then risk.</summary>
public sealed partial class OfflineAnalyst
{
    private AgentVerdict Decision(CaseFile file, StringBuilder text)
    {
        var claim = file.Claim;
        var coverage = Evaluate(file);
        var evidence = file.Documents.Where(d => d.Content is not null)
            .Select(d => new EvidenceItem($"{d.Type} ({d.Filename})", Summarize(d))).ToList();
        if (!coverage.Covered)
        {
            var reasons = coverage.Failed.Select(r => $"{r.Description} {r.Detail}").ToList();
            text.Append("I recommend denial: the policy rules do not allow payment.\n");
            reasons.ForEach(r => text.Append("- ").Append(r).Append('\n'));
            return new AgentVerdict { Recommendation = AdjusterDecisions.Deny, Reasons = reasons, Evidence = evidence, Findings = ["Recommendation: deny (policy rules)."] };
        }

        var conflicts = ClaimAnalysis.AmountConflicts(claim, file.Documents, _catalog.Requirements);
        if (conflicts.Count > 0)
        {
            text.Append("I cannot recommend a decision: the documents contradict the claim and nothing new resolves it.\n");
            conflicts.ToList().ForEach(c => text.Append("- ").Append(c).Append('\n'));
            return new AgentVerdict { Findings = conflicts, Evidence = evidence };
        }

        var items = ClaimAnalysis.LineItems(file.Documents, _catalog.Requirements);
        var verified = Math.Min(ClaimAnalysis.VerifiedCount(file.PreviousFindings), items.Count);
        var batch = items.Skip(verified).Take(Math.Max(1, _catalog.Requirements.LineItemsPerRound)).ToList();
        var findings = batch.Select((item, i) => ClaimAnalysis.VerifiedFinding(verified + i + 1, items.Count, item, claim.Currency)).ToList();
        if (batch.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Verified line items {verified + 1}-{verified + batch.Count} of {items.Count} against the policy and the market rates.\n");
        }

        if (verified + batch.Count < items.Count)
        {
            text.Append(CultureInfo.InvariantCulture, $"{items.Count - verified - batch.Count} line items remain; I will continue next round before recommending.\n");
            return new AgentVerdict { Findings = findings, Evidence = evidence };
        }

        var risk = Assess(file);
        evidence.AddRange(risk.Indicators.Select(i => new EvidenceItem(RuleFloor.RiskSource, i)));
        if (risk.Score >= _highRisk)
        {
            var reason = FormattableString.Invariant($"Risk score {risk.Score:0.00} is at or above the review threshold of {_highRisk:0.00}: {string.Join(" ", risk.Indicators)}");
            text.Append("I recommend denial pending review: ").Append(reason).Append('\n');
            findings.Add("Recommendation: deny (risk).");
            return new AgentVerdict { Recommendation = AdjusterDecisions.Deny, RiskScore = risk.Score, Reasons = [reason], Evidence = evidence, Findings = findings };
        }

        text.Append(CultureInfo.InvariantCulture, $"I recommend approval: every policy rule passes, the risk score is {risk.Score:0.00}, and {CoverageRules.Money(coverage.PayableAmount, claim.Currency)} is payable.\n");
        findings.Add("Recommendation: approve.");
        return new AgentVerdict
        {
            Recommendation = AdjusterDecisions.Approve,
            RiskScore = risk.Score,
            Reasons = [$"Every policy rule passes; {CoverageRules.Money(coverage.PayableAmount, claim.Currency)} is payable after the deductible and limit.", FormattableString.Invariant($"Risk score {risk.Score:0.00} is below the review threshold of {_highRisk:0.00}.")],
            Evidence = evidence,
            Findings = findings,
        };
    }
}

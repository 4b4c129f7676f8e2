using DurableClaims.Contracts;
using DurableClaims.Domain;
using DurableClaims.Policies;

namespace DurableClaims.Tests.Domain;

public sealed class CoverageRulesTests
{
    private static readonly PolicyCatalog Catalog = PolicyCatalog.CreateDefault();

    private static CoverageEvaluation Evaluate(ClaimSubmission claim)
        => CoverageRules.Evaluate(claim, Catalog.FindPolicy(claim.PolicyNumber));

    [Fact]
    public void Evaluate_CoveredClaim_ShouldPayAmountMinusDeductible()
    {
        var result = Evaluate(TestClaims.Auto(amount: 4250m));

        Assert.True(result.Covered);
        Assert.Equal(3750m, result.PayableAmount);
    }

    [Fact]
    public void Evaluate_AmountAboveLimit_ShouldCapAtTheLimit()
    {
        var result = Evaluate(TestClaims.Auto(amount: 40000m));

        Assert.Equal(25000m, result.PayableAmount);
        Assert.Equal(RuleResults.Applied, result.Rules.Single(r => r.Id == "payout.limit").Result);
    }

    [Fact]
    public void Evaluate_IncidentAfterPolicyExpired_ShouldFailThePeriodRule()
    {
        var result = Evaluate(TestClaims.Expired());

        Assert.False(result.Covered);
        Assert.Equal("coverage.period", Assert.Single(result.Failed).Id);
        Assert.Equal(0m, result.PayableAmount);
    }

    [Fact]
    public void Evaluate_ExcludedCause_ShouldFailTheExclusionRule()
    {
        var result = Evaluate(TestClaims.Auto(description: "Damaged while racing on a closed track."));

        Assert.Equal("coverage.exclusions", Assert.Single(result.Failed).Id);
    }

    [Fact]
    public void Evaluate_UnknownPolicy_ShouldFailPolicyExists()
    {
        var result = Evaluate(TestClaims.Auto() with { PolicyNumber = "POL-NOPE-1" });

        Assert.Equal("policy.exists", Assert.Single(result.Failed).Id);
    }

    [Fact]
    public void Evaluate_TypeNotCovered_ShouldFailCoverageType()
    {
        var result = Evaluate(TestClaims.Auto() with { ClaimType = "home" });

        Assert.Contains(result.Failed, r => r.Id == "coverage.type");
    }

    [Fact]
    public void Evaluate_AmountBelowDeductible_ShouldNotBeCovered()
    {
        var result = Evaluate(TestClaims.Auto(amount: 400m));

        Assert.Equal("payout.deductible", Assert.Single(result.Failed).Id);
    }

    [Fact]
    public void Evaluate_ClaimInAnotherCurrencyThanThePolicy_ShouldFailTheCurrencyRule()
    {
        var result = Evaluate(TestClaims.Auto(amount: 4250m) with { Currency = "EUR" });

        Assert.False(result.Covered);
        Assert.Equal("coverage.currency", Assert.Single(result.Failed).Id);
        Assert.Equal(0m, result.PayableAmount);
    }

    [Fact]
    public void Evaluate_ClaimantIsNotThePolicyholder_ShouldFailTheClaimantRule()
    {
        var result = Evaluate(TestClaims.Auto() with { Claimant = new ClaimantInfo("Marco Ilves", "marco@example.com") });

        var rule = Assert.Single(result.Failed);
        Assert.Equal(("claimant.holder", "Marco Ilves", "Dana Whitfield"), (rule.Id, rule.Inputs!["claimant"], rule.Inputs["policyHolder"]));
    }

    [Fact]
    public void Evaluate_ClaimantNameInOtherCaseAndSpacing_ShouldPassTheClaimantRule()
    {
        var result = Evaluate(TestClaims.Auto() with { Claimant = new ClaimantInfo("dana  WHITFIELD", "dana@example.com") });

        Assert.True(result.Covered);
    }

    [Fact]
    public void NeverPayable_ClaimantIsNotThePolicyholder_ShouldBeSettledAtIntake()
    {
        var claim = TestClaims.Auto() with { Claimant = new ClaimantInfo("Marco Ilves", "marco@example.com") };

        Assert.Equal("claimant.holder", Assert.Single(CoverageRules.NeverPayable(claim, Catalog.FindPolicy(claim.PolicyNumber))).Id);
    }

    [Fact]
    public void Evaluate_PayoutRules_ShouldRecordTheAmountsTheyUsed()
    {
        var result = Evaluate(TestClaims.Auto(amount: 40000m));

        var limit = result.Rules.Single(r => r.Id == "payout.limit");
        Assert.Equal(("39500.00", "25000.00", "25000.00"), (limit.Inputs!["afterDeductible"], limit.Inputs["limit"], limit.Inputs["payable"]));
    }
}

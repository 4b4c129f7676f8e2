using System.Text.Json;
using DurableClaims.Cli.Tests.Infrastructure;

namespace DurableClaims.Cli.Tests.Commands;

public sealed class QueryCommandTests(ClaimsOnDiskFixture claims) : IClassFixture<ClaimsOnDiskFixture>
{
    [Fact]
    public async Task Status_PausedClaim_ShouldShowItsMissingDocuments()
    {
        var result = await claims.RunAsync("status", claims.Paused.ClaimId);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Status\s+│ paused", result.Stdout);
        Assert.Contains("vehicle_damage_photos", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_ShouldPrintTheDecisionWithHttpFieldNames()
    {
        var result = await claims.RunAsync("status", claims.Denied.ClaimId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var decision = json.RootElement.GetProperty("decision");
        Assert.Equal("deny", decision.GetProperty("outcome").GetString());
        Assert.Equal(0m, decision.GetProperty("payableAmount").GetDecimal());
        Assert.True(decision.GetProperty("rulesApplied").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Status_UnknownClaim_ShouldExitTwoOnStderr()
    {
        var result = await claims.RunAsync("status", "CLM-UNKNOWN");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CLM-UNKNOWN", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task History_Json_ShouldListTheAgentMessagesWithHttpFieldNames()
    {
        var result = await claims.RunAsync("history", claims.Denied.ClaimId, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var messages = json.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal(
            ["author", "content", "id", "role", "timestamp"],
            m.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "assistant");
    }

    [Fact]
    public async Task History_Events_ShouldShowThePause()
    {
        var result = await claims.RunAsync("history", claims.Paused.ClaimId, "--events", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var types = json.RootElement.EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("start", types[0]);
        Assert.Contains("pause", types);
    }

    [Fact]
    public async Task ListSessions_StatusPaused_ShouldListOnlyThePausedClaim()
    {
        var result = await claims.RunAsync("list-sessions", "--status", "paused", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var claim = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(claims.Paused.ClaimId, claim.GetProperty("claimId").GetString());
    }

    [Fact]
    public async Task ListSessions_All_ShouldShowBothClaimsInATable()
    {
        var result = await claims.RunAsync("list-sessions");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(claims.Paused.ClaimId, result.Stdout, StringComparison.Ordinal);
        Assert.Contains(claims.Denied.ClaimId, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 claims", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListSessions_Archived_ShouldListTheFinishedClaimOnly()
    {
        var result = await claims.RunAsync("list-sessions", "--archived", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var claim = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal((claims.Denied.ClaimId, "denied"), (claim.GetProperty("claimId").GetString(), claim.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ListSessions_UnknownStatus_ShouldExitTwo()
    {
        var result = await claims.RunAsync("list-sessions", "--status", "sleeping");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("sleeping", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_Json_ShouldCountTheClaimsByStatus()
    {
        var result = await claims.RunAsync("stats", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var byStatus = json.RootElement.GetProperty("byStatus");
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal((1, 1), (byStatus.GetProperty("paused").GetInt32(), byStatus.GetProperty("denied").GetInt32()));
    }

    [Fact]
    public async Task Stats_Table_ShouldCountTheClaimsByType()
    {
        var result = await claims.RunAsync("stats");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"type auto\s+│\s+2", result.Stdout);
    }
}

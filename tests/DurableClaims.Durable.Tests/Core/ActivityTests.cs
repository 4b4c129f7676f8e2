using DurableClaims.Durable.Tests.Infrastructure;

namespace DurableClaims.Durable.Tests.Core;

public sealed class ActivityTests
{
    [Fact]
    public async Task ScheduleNewOrchestration_ChainOfActivities_ShouldCompleteWithOutput()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Upper", (_, s) => Task.FromResult(s.ToUpperInvariant()))
            .AddActivityFunc<string, string>("Exclaim", (_, s) => Task.FromResult(s + "!"))
            .AddOrchestratorFunc<string, string>("Shout", async (ctx, name) =>
            {
                var upper = await ctx.CallActivityAsync<string>("Upper", name);
                return await ctx.CallActivityAsync<string>("Exclaim", upper);
            }));

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Shout", "ada");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("ADA!", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task CallActivityAsync_ActivityThrows_ShouldReachOrchestratorAsTaskFailedExceptionNamingActivity()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Charge", (_, _) => throw new InvalidOperationException("card declined"))
            .AddOrchestratorFunc<string, string>("Pay", async (ctx, _) =>
            {
                try
                {
                    return await ctx.CallActivityAsync<string>("Charge", "x");
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
                }
            }));

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Pay", "x");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("Charge|card declined|True", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Orchestrator_UnhandledActivityFailure_ShouldFailInstanceWithDetailsNamingActivity()
    {
        // Arrange
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, string>("Ship", (_, _) => throw new InvalidOperationException("no courier"))
            .AddOrchestratorFunc<string, string>("Order", (ctx, _) => ctx.CallActivityAsync<string>("Ship", "x")));

        // Act
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Order", "x");
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, result.FailureDetails!.ErrorType);
        Assert.Contains("'Ship'", result.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallActivityAsync_WithRetryPolicy_ShouldRetryAfterEachBackoffUntilSuccess()
    {
        // Arrange: fails twice, succeeds on the third attempt; backoff 10 s then 20 s.
        var attempts = 0;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, int>("Flaky", (_, _) => ++attempts < 3 ? throw new TimeoutException("try again") : Task.FromResult(attempts))
            .AddOrchestratorFunc<string, int>("Retrying", (ctx, _) => ctx.CallActivityAsync<int>(
                "Flaky", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(10), backoffCoefficient: 2)))));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("Retrying", "x");
        await harness.WaitForHistoryAsync(id, "TimerCreated", 1);

        // Act
        harness.Time.Advance(TimeSpan.FromSeconds(9));
        var attemptsBeforeBackoffElapsed = attempts;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await harness.WaitForHistoryAsync(id, "TimerCreated", 2);
        harness.Time.Advance(TimeSpan.FromSeconds(19));
        var attemptsBeforeSecondBackoffElapsed = attempts;
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal(1, attemptsBeforeBackoffElapsed);
        Assert.Equal(2, attemptsBeforeSecondBackoffElapsed);
        Assert.Equal(3, result.ReadOutputAs<int>());
    }

    [Fact]
    public async Task CallActivityAsync_RetriesExhausted_ShouldThrowTaskFailedExceptionAfterLastAttempt()
    {
        // Arrange
        var attempts = 0;
        await using var harness = await EngineHarness.StartAsync(r => r
            .AddActivityFunc<string, int>("Broken", (_, _) =>
            {
                attempts++;
                throw new InvalidOperationException("always");
            })
            .AddOrchestratorFunc<string, string>("GiveUp", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync<int>("Broken", "x", TaskOptions.FromRetryPolicy(new RetryPolicy(2, TimeSpan.FromMinutes(1))));
                    return "ok";
                }
                catch (TaskFailedException ex)
                {
                    return ex.TaskName;
                }
            }));
        var id = await harness.Client.ScheduleNewOrchestrationInstanceAsync("GiveUp", "x");
        await harness.WaitForHistoryAsync(id, "TimerCreated", 1);

        // Act
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await harness.WaitForCompletionAsync(id);

        // Assert
        Assert.Equal("Broken", result.ReadOutputAs<string>());
        Assert.Equal(2, attempts);
    }
}

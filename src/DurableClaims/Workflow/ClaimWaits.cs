using System.Text.Json;
using DurableClaims.Contracts;
using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>How a wait ended.</summary>
internal enum WaitOutcome
{
    Arrived,
    Reminder,
    Deadline,
}

/// <summary>A claim's clock and its external-event waits, each raced against a reminder timer and a deadline.</summary>
/// <remarks>
/// One outstanding wait per event name for the whole claim: a second waiter would leave the first to swallow the next
/// event. Payloads are awaited as raw JSON and read here, so a malformed one is ignored: Microsoft's executor converts
/// before completing the wait, and a failed conversion would fail the claim.
/// </remarks>
internal sealed class ClaimWaits(TaskOrchestrationContext context, string claimId)
{
    private readonly Dictionary<string, Task<JsonElement>> _waits = new(StringComparer.Ordinal);

    // The latest timer that fired: the claim's clock never runs behind its own timers. CurrentUtcDateTime is when the
    // current step started, which a fake clock in tests (and a slow backend) can leave behind.
    private DateTimeOffset _timerClock;

    /// <summary>Gets the claim's current time: the step's start, or the last timer that fired if that is later.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var started = new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));
            return started > _timerClock ? started : _timerClock;
        }
    }

    /// <summary>Waits for <paramref name="eventName"/>, the next reminder (when <paramref name="remindEvery"/> is set) or the deadline; the losing timer is cancelled.</summary>
    public async Task<WaitOutcome> RaceAsync(string eventName, DateTimeOffset deadline, TimeSpan? remindEvery)
        => (await RaceAsync([eventName], deadline, remindEvery)).Outcome;

    /// <summary>Waits for the first of <paramref name="eventNames"/> (earlier names win a tie), the next reminder or the deadline; returns which event arrived.</summary>
    /// <remarks>The waits of the events that did not arrive stay outstanding for the next race, so no event is lost between races.</remarks>
    public async Task<(WaitOutcome Outcome, string? Event)> RaceAsync(IReadOnlyList<string> eventNames, DateTimeOffset deadline, TimeSpan? remindEvery)
    {
        var waits = eventNames.Select(WaitFor).ToList();
        if (Arrived(eventNames, waits) is { } early)
        {
            return (WaitOutcome.Arrived, early);
        }

        var now = Now;
        if (now >= deadline)
        {
            return (WaitOutcome.Deadline, null);
        }

        var fireAt = remindEvery is { } every && now + every < deadline ? now + every : deadline;
        using var cancel = new CancellationTokenSource();
        var timer = context.CreateTimer(fireAt.UtcDateTime, cancel.Token);
        if (await Task.WhenAny([.. waits, timer]) != timer)
        {
            cancel.Cancel();
            return (WaitOutcome.Arrived, Arrived(eventNames, waits));
        }

        _timerClock = fireAt;
        return (fireAt >= deadline ? WaitOutcome.Deadline : WaitOutcome.Reminder, null);
    }

    private static string? Arrived(IReadOnlyList<string> eventNames, List<Task<JsonElement>> waits)
    {
        var index = waits.FindIndex(w => w.IsCompleted);
        return index < 0 ? null : eventNames[index];
    }

    /// <summary>Takes the event that arrived and reads its payload; a payload that is missing or does not parse counts as nothing received.</summary>
    public async Task<T?> TakeAsync<T>(string eventName)
        where T : class
    {
        var payload = await WaitFor(eventName);
        _waits.Remove(eventName);
        if (payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return payload.Deserialize<T>(ClaimsJson.Options);
        }
        catch (JsonException ex)
        {
            WorkflowLog.BadPayload(context.CreateReplaySafeLogger<ClaimOrchestrator>(), claimId, ex.Message);
            return null;
        }
    }

    private Task<JsonElement> WaitFor(string eventName)
    {
        if (!_waits.TryGetValue(eventName, out var wait))
        {
            wait = context.WaitForExternalEvent<JsonElement>(eventName);
            _waits[eventName] = wait;
        }

        return wait;
    }
}

using System.Text.Json;
using DurableClaims.Api.Runtime;
using DurableClaims.Contracts;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Api.Management;

/// <summary>The logic behind Durable Functions' built-in management API, for the local host over Microsoft's client (the Functions app has the real one).</summary>
public sealed class DurableManagementService(DurableTaskClient client, IDocumentStore documents)
{
    /// <summary>Gets an instance's status: Accepted while it runs (Functions answers 202), Ok when it ended, NotFound when unknown.</summary>
    public async Task<ApiResult<DurableStatusPayload>> GetStatusAsync(
        string instanceId, bool showHistory, bool showHistoryOutput, bool showInput, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        if (metadata is null)
        {
            return ApiResult.NotFound<DurableStatusPayload>($"No instance with id '{instanceId}' exists.");
        }

        var history = showHistory
            ? (await client.GetOrchestrationHistoryAsync(instanceId, cancellationToken)).Select(HistoryEntry.From).ToList()
            : null;
        var payload = DurableStatusPayload.From(metadata, showInput, history, showHistoryOutput);
        return !metadata.IsCompleted ? ApiResult.Accepted<DurableStatusPayload>(payload) : ApiResult.Ok<DurableStatusPayload>(payload);
    }

    /// <summary>Raises an event whose payload must be JSON (an empty body raises a null payload, as in Functions).</summary>
    /// <remarks>
    /// <see cref="ClaimWorkflow.Events.DocumentsReceived"/> is evidence, not names: each document it names must be stored
    /// for the claim, and the event goes out with what the store records (location, size, media type, SHA-256), whatever
    /// the body said about them; otherwise 400 naming the missing ones, and nothing is raised.
    /// </remarks>
    public async Task<ApiResult<bool>> RaiseEventAsync(
        string instanceId, string eventName, bool isJsonContent, string body, CancellationToken cancellationToken = default)
    {
        if (!isJsonContent)
        {
            return ApiResult.Unsupported<bool>("Only application/json request content is supported.");
        }

        JsonElement? payload = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                payload = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                return ApiResult.Invalid<bool>("body", $"Invalid JSON content: {ex.Message}");
            }

            if (JsonText.FindInvalidText(payload.Value) is { } invalid)
            {
                return ApiResult.Invalid<bool>(invalid, "The text is not valid Unicode (for example a lone surrogate escape such as \\ud800).");
            }
        }

        var check = await CheckRunningAsync(instanceId, cancellationToken);
        if (check is not null)
        {
            return check;
        }

        object? raised = payload;

        // Event names match without regard to case in the orchestrator's waits, so they do here.
        if (string.Equals(eventName, ClaimWorkflow.Events.DocumentsReceived, StringComparison.OrdinalIgnoreCase))
        {
            var (delivery, problem) = await FromStoreAsync(instanceId, payload, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            raised = delivery;
        }

        await client.RaiseEventAsync(instanceId, eventName, raised, cancellationToken);
        return ApiResult.Accepted<bool>(true);
    }

    /// <summary>Terminates, suspends or resumes a running instance.</summary>
    public async Task<ApiResult<bool>> ControlAsync(
        string instanceId, InstanceOperation operation, string? reason, CancellationToken cancellationToken = default)
    {
        var check = await CheckRunningAsync(instanceId, cancellationToken);
        if (check is not null)
        {
            return check;
        }

        var task = operation switch
        {
            InstanceOperation.Terminate => client.TerminateInstanceAsync(instanceId, (object?)reason, cancellationToken),
            InstanceOperation.Suspend => client.SuspendInstanceAsync(instanceId, reason, cancellationToken),
            _ => client.ResumeInstanceAsync(instanceId, reason, cancellationToken),
        };
        await task;
        return ApiResult.Accepted<bool>(true);
    }

    /// <summary>Purges a finished instance: Ok with the count, NotFound when unknown, Conflict while it runs.</summary>
    public async Task<ApiResult<PurgeHistoryResult>> PurgeAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var metadata = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (metadata is null)
        {
            return ApiResult.NotFound<PurgeHistoryResult>($"No instance with id '{instanceId}' exists.");
        }

        if (!metadata.IsCompleted)
        {
            return ApiResult.Conflict<PurgeHistoryResult>($"Instance '{instanceId}' is {metadata.RuntimeStatus}; terminate it before purging.");
        }

        var result = await client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken);
        return result.PurgedInstanceCount == 0
            ? ApiResult.NotFound<PurgeHistoryResult>($"No instance with id '{instanceId}' exists.")
            : ApiResult.Ok<PurgeHistoryResult>(new PurgeHistoryResult(result.PurgedInstanceCount));
    }

    /// <summary>Lists instances with Durable Functions' query parameters (strings as they came in).</summary>
    public async Task<ApiResult<InstanceListPage>> ListAsync(InstanceListRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = InstanceListRequest.TryParse(request, out var errors);
        if (parsed is null)
        {
            return ApiResult.Invalid<InstanceListPage>(errors);
        }

        Page<OrchestrationMetadata> page;
        try
        {
            page = await client.QueryPageAsync(parsed, cancellationToken);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            // Only the token is unchecked by TryParse: the engine refuses one it did not issue.
            return ApiResult.Invalid<InstanceListPage>(ApiRoutes.ContinuationTokenHeader, "The continuation token is not valid.");
        }

        var items = page.Values.Select(m => DurableStatusPayload.From(m, request.ShowInput, null, false)).ToList();
        return ApiResult.Ok<InstanceListPage>(new InstanceListPage(items, page.ContinuationToken));
    }

    /// <summary>Reads a DocumentsReceived payload and replaces each named document by the store's record of it; a problem when one is not stored.</summary>
    private async Task<(DocumentsReceived? Delivery, ApiResult<bool>? Problem)> FromStoreAsync(
        string instanceId, JsonElement? payload, CancellationToken cancellationToken)
    {
        DocumentsReceived? requested = null;
        try
        {
            requested = payload?.Deserialize<DocumentsReceived>(ClaimsJson.Options);
        }
        catch (JsonException)
        {
            // Answered below like an empty list: the body names no document.
        }

        if (requested?.Documents is not { Count: > 0 } named)
        {
            return (null, ApiResult.Invalid<bool>(
                "documents", "A DocumentsReceived payload names at least one stored document: {\"documents\":[{\"type\",\"filename\"}],\"source\"}."));
        }

        var stored = ClaimIds.IsValid(instanceId) ? await documents.ListAsync(instanceId, cancellationToken) : [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var found = new List<ReceivedDocument>();
        for (var i = 0; i < named.Count; i++)
        {
            var match = named[i] is { } document
                ? stored.FirstOrDefault(s => s.Type == document.Type && s.Filename == document.Filename)
                : null;
            if (match is null)
            {
                errors[$"documents[{i}]"] = [$"Document '{named[i]?.Type}/{named[i]?.Filename}' is not stored for claim '{instanceId}'; upload it first."];
            }
            else
            {
                found.Add(match.ToReceived());
            }
        }

        return errors.Count > 0
            ? (null, ApiResult.Invalid<bool>(errors, "A named document is not stored; nothing was raised."))
            : (new DocumentsReceived(found, string.IsNullOrWhiteSpace(requested.Source) ? "management" : requested.Source), null);
    }

    private async Task<ApiResult<bool>?> CheckRunningAsync(string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, false, cancellationToken);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        return metadata.IsCompleted ? Gone(instanceId, metadata.RuntimeStatus) : null;
    }

    private static ApiResult<bool> NotFound(string instanceId) => ApiResult.NotFound<bool>($"No instance with id '{instanceId}' exists.");

    private static ApiResult<bool> Gone(string instanceId, OrchestrationRuntimeStatus? status = null)
        => ApiResult.Gone<bool>($"Instance '{instanceId}' has already finished{(status is null ? string.Empty : $" ({status})")}.");
}

/// <summary>The management operations that act on a running instance.</summary>
public enum InstanceOperation
{
    Terminate,
    Suspend,
    Resume,
}

/// <summary>Body of a purge response: <c>{"instancesDeleted":1}</c>.</summary>
public sealed record PurgeHistoryResult(int InstancesDeleted);

/// <summary>One page of the instance list.</summary>
public sealed record InstanceListPage(IReadOnlyList<DurableStatusPayload> Items, string? ContinuationToken);

using DurableClaims.Api;
using DurableClaims.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Durable;

/// <summary>The API call context of one Functions HTTP invocation: management links from Durable Functions itself, never the caller's key.</summary>
/// <remarks>
/// Durable Functions serves its management API (runtime/webhooks/durabletask) outside the app's routes and
/// accepts the extension's system key there, not the function key a caller used on <c>/api/…</c>. The
/// <c>[DurableClient]</c> binding's client knows the app's public base URL and that key (with taskHub and
/// connection), so its <c>CreateHttpManagementPayload</c> is what the links carry, as
/// <c>CreateCheckStatusResponseAsync</c> would write them. The caller's key is dropped from the context
/// altogether: it would not work there, and a secret should not be echoed into response bodies.
/// </remarks>
public static class FunctionsCallContext
{
    /// <summary>The request's base URL, no caller key, and links from <paramref name="client"/>.</summary>
    public static ApiCallContext For(HttpRequest request, DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var call = ApiResultHttp.CallContext(request) with { Code = null };
        return call with { ManagementLinks = instanceId => Links(client, instanceId, call) };
    }

    /// <summary>The management links of <paramref name="instanceId"/> as the binding's client makes them.</summary>
    /// <remarks>
    /// A client that does not come from the binding (a test's, or one built from a connection string) has no
    /// base URL and Microsoft's helper throws "Base URL is null"; the links then point at the built-in API
    /// under the request's base URL without any key: the caller adds the system key itself, or they fail with
    /// 401 rather than working with a key the caller never meant to share.
    /// </remarks>
    public static ManagementPayload Links(DurableTaskClient client, string instanceId, ApiCallContext call)
    {
        ArgumentNullException.ThrowIfNull(call);
        HttpManagementPayload payload;
        try
        {
            payload = client.CreateHttpManagementPayload(instanceId);
        }
        catch (InvalidOperationException)
        {
            return ManagementPayload.For(instanceId, call with { Code = null });
        }

        // The helper sets every URL it returns; the type only declares them nullable.
        static string Url(string? url) => url ?? throw new InvalidOperationException("Durable Functions returned a management payload without a URL.");
        return new ManagementPayload(
            instanceId, Url(payload.StatusQueryGetUri), Url(payload.SendEventPostUri), Url(payload.TerminatePostUri),
            Url(payload.PurgeHistoryDeleteUri), Url(payload.SuspendPostUri), Url(payload.ResumePostUri));
    }
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace DurableClaims.Functions.Tests.Triggers;

/// <summary>The client the [DurableClient] binding hands a function in Azure: Microsoft's per-binding wrapper with the app's base URL and the system key.</summary>
/// <remarks>
/// In Azure the binding's converter builds <c>FunctionsDurableTaskClient</c> from the host's binding data (the
/// public management base URL and "taskHub=…&amp;connection=…&amp;code=&lt;system key&gt;"). The type is internal to
/// Microsoft.Azure.Functions.Worker.Extensions.DurableTask, so it is constructed by reflection around the SQLite
/// task hub's client: the links the triggers return then come from Microsoft's own CreateHttpManagementPayload.
/// </remarks>
public static class DurableClientBinding
{
    /// <summary>The durabletask_extension system key the binding carries.</summary>
    public const string SystemKey = "system-key-of-durabletask";

    /// <summary>The management API's base URL in the binding data.</summary>
    public const string BaseUrl = "https://claims-func.azurewebsites.net/runtime/webhooks/durabletask";

    /// <summary>The binding's query string: task hub, connection and system key.</summary>
    public const string QueryString = "taskHub=ClaimsHub&connection=Storage&code=" + SystemKey;

    public static DurableTaskClient Wrap(DurableTaskClient inner)
    {
        var type = typeof(HttpManagementPayload).Assembly.GetType("Microsoft.Azure.Functions.Worker.FunctionsDurableTaskClient", throwOnError: true)!;
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).Single();

        // (inner, queryString, baseUrl[, large-payload purge client]): parameters after the first three stay null.
        var arguments = new object?[constructor.GetParameters().Length];
        (arguments[0], arguments[1], arguments[2]) = (inner, QueryString, BaseUrl);
        return (DurableTaskClient)constructor.Invoke(arguments);
    }
}

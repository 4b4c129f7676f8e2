namespace DurableClaims.Api;

/// <summary>Every HTTP route template of the claims API; the local host and the Functions app both map these.</summary>
/// <remarks>
/// App routes are relative to <see cref="ApiPrefix"/> because Azure Functions adds that prefix
/// itself (host.json routePrefix); the local host maps them inside an "/api" group.
/// The Durable management routes are absolute: Functions provides them built in.
/// </remarks>
public static class ApiRoutes
{
    /// <summary>The prefix of every app route (Functions' default routePrefix).</summary>
    public const string ApiPrefix = "api";

    public const string Claims = "claims";
    public const string Claim = "claims/{claimId}";
    public const string ClaimDocuments = "claims/{claimId}/documents";
    public const string ClaimDocumentFile = "claims/{claimId}/documents/{type}/{fileName}";
    public const string ClaimViews = "claim-views";
    public const string ClaimHistory = "claims/{claimId}/history";
    public const string ClaimEvents = "claims/{claimId}/events";
    public const string ClaimPackage = "claims/{claimId}/package";
    public const string ClaimReview = "claims/{claimId}/review";
    public const string ClaimReopen = "claims/{claimId}/reopen";
    public const string ClaimRetry = "claims/{claimId}/retry";
    public const string ClaimRemind = "claims/{claimId}/remind";
    public const string ClaimClose = "claims/{claimId}/close";
    public const string ClaimNotes = "claims/{claimId}/notes";
    public const string ClaimArchive = "claims/{claimId}/archive";
    public const string ClaimConversations = "claims/{claimId}/conversations";
    public const string ClaimConversation = "claims/{claimId}/conversations/{conversationId}";
    public const string ClaimConversationMessages = "claims/{claimId}/conversations/{conversationId}/messages";
    public const string Stats = "stats";
    public const string Health = "health";
    public const string BlobCreatedEvents = "events/blob-created";

    /// <summary>Base of Durable Functions' built-in HTTP management API.</summary>
    public const string DurableBase = "runtime/webhooks/durabletask";
    public const string Instances = DurableBase + "/instances";
    public const string Instance = Instances + "/{instanceId}";
    public const string RaiseEvent = Instance + "/raiseEvent/{eventName}";
    public const string Terminate = Instance + "/terminate";
    public const string Suspend = Instance + "/suspend";
    public const string Resume = Instance + "/resume";

    /// <summary>The response/request header that carries a list continuation token (as in Durable Functions).</summary>
    public const string ContinuationTokenHeader = "x-ms-continuation-token";

    /// <summary>Builds the absolute path of an app route, e.g. "/api/claims/C-1".</summary>
    public static string AppPath(string template, string? claimId = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        var path = claimId is null ? template : template.Replace("{claimId}", Uri.EscapeDataString(claimId), StringComparison.Ordinal);
        return "/" + ApiPrefix + "/" + path;
    }

    /// <summary>Builds the absolute path of one stored document, e.g. "/api/claims/C-1/documents/receipts/hotel.pdf".</summary>
    public static string DocumentPath(string claimId, string type, string fileName)
        => AppPath(ClaimDocumentFile, claimId)
            .Replace("{type}", Uri.EscapeDataString(type), StringComparison.Ordinal)
            .Replace("{fileName}", Uri.EscapeDataString(fileName), StringComparison.Ordinal);

    /// <summary>Builds the absolute path of a management route for <paramref name="instanceId"/>.</summary>
    public static string InstancePath(string template, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return "/" + template.Replace("{instanceId}", Uri.EscapeDataString(instanceId), StringComparison.Ordinal);
    }
}

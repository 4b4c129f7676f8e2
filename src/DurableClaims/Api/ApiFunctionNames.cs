namespace DurableClaims.Api;

/// <summary>The name of every HTTP operation: the Functions app's function names and the local host's endpoint names (OpenAPI operation ids).</summary>
/// <remarks>Kept apart from <see cref="ApiRoutes"/>, whose constants are all route templates.</remarks>
public static class ApiFunctionNames
{
    public const string StartClaim = "StartClaim";
    public const string ListClaims = "ListClaims";
    public const string CountClaimViews = "CountClaimViews";
    public const string GetClaimDocument = "GetClaimDocument";
    public const string GetClaim = "GetClaim";
    public const string DeleteClaim = "DeleteClaim";
    public const string SubmitDocuments = "SubmitDocuments";
    public const string GetClaimHistory = "GetClaimHistory";
    public const string GetClaimEvents = "GetClaimEvents";
    public const string GetDecisionPackage = "GetDecisionPackage";
    public const string ReviewClaim = "ReviewClaim";
    public const string ReopenClaim = "ReopenClaim";
    public const string RetryClaim = "RetryClaim";
    public const string RemindClaim = "RemindClaim";
    public const string CloseClaim = "CloseClaim";
    public const string AddClaimNote = "AddClaimNote";
    public const string ArchiveClaim = "ArchiveClaim";
    public const string GetStats = "GetStats";
    public const string Health = "Health";
    public const string BlobCreated = "BlobCreated";
    public const string BlobCreatedHandshake = "BlobCreatedHandshake";

    /// <summary>Local host only: the Durable management routes, which Functions serves built in.</summary>
    public const string GetInstanceStatus = "GetInstanceStatus";
    public const string RaiseEvent = "RaiseEvent";
    public const string TerminateInstance = "TerminateInstance";
    public const string SuspendInstance = "SuspendInstance";
    public const string ResumeInstance = "ResumeInstance";
    public const string PurgeInstanceHistory = "PurgeInstanceHistory";
    public const string ListInstances = "ListInstances";
}

using Microsoft.DurableTask;

namespace DurableClaims.Workflow;

/// <summary>The versions of the claims workflow: a claim runs the path of the version stamped on it when it started, however many deploys later it resumes.</summary>
/// <remarks>
/// A change that adds, removes or reorders what the orchestrator schedules (activities, timers, events waited for) gets
/// a new version here, becomes <see cref="Current"/>, and runs only behind <see cref="IsAtLeast"/>; see docs/deploy.md.
/// </remarks>
public static class ClaimWorkflowVersions
{
    /// <summary>Intake and document check, analysis rounds, decision (with an adjuster for high risk), archive; claims started with no version run it too.</summary>
    public const string V1 = "1";

    /// <summary>Version 1, plus: while a claim waits for documents it listens for an adjuster's "remind" and sends the customer a reminder at once.</summary>
    public const string V2 = "2";

    /// <summary>The version this build starts new claims on and runs up to, unless <c>DurableTask:DefaultVersion</c> (host.json <c>defaultVersion</c>) says otherwise.</summary>
    public const string Current = V2;

    /// <summary>Whether the claim of <paramref name="context"/> started on <paramref name="version"/> or later (an unversioned claim is older than every version).</summary>
    /// <remarks>The gate for every step a version adds: replays of older claims skip it, so their histories still match.</remarks>
    public static bool IsAtLeast(this TaskOrchestrationContext context, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CompareVersionTo(version) >= 0;
    }
}

using DurableClaims.Configuration;
using DurableClaims.Notifications;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace DurableClaims.Workflow.Activities;

/// <summary>Snapshots the configuration a claim runs with; recorded in history, so replays and later phases never see a changed setting.</summary>
public sealed class LoadSettingsActivity : TaskActivity<string, WorkflowSettings>
{
    private readonly ClaimsOptions _options;
    private readonly WebhookOptions _webhooks;

    /// <summary>Creates the activity.</summary>
    public LoadSettingsActivity(IOptions<ClaimsOptions> options, IOptions<WebhookOptions> webhooks)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(webhooks);
        _options = options.Value;
        _webhooks = webhooks.Value;
    }

    public override Task<WorkflowSettings> RunAsync(TaskActivityContext context, string input)
        => Task.FromResult(new WorkflowSettings
        {
            EnableHumanInTheLoop = _options.EnableHumanInTheLoop,
            MaxRounds = _options.MaxRounds,
            StallThreshold = _options.StallThreshold,
            ReminderInterval = _options.ReminderInterval,
            DocumentDeadline = _options.DocumentDeadline,
            ReviewDeadline = _options.ReviewDeadline,
            AutoCloseAfter = _options.AutoCloseAfter,
            HighRiskThreshold = _options.HighRiskThreshold,
            ActivityMaxAttempts = _options.ActivityMaxAttempts,
            ActivityFirstRetryInterval = _options.ActivityFirstRetryInterval,
            WebhookTargets = WebhookTarget.Of(_webhooks),
            WebhookMaxAttempts = _webhooks.MaxAttempts,
            WebhookFirstRetryInterval = _webhooks.FirstRetryInterval,
        });
}

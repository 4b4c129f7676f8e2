using Microsoft.DurableTask;

namespace DurableClaims.Workflow.Activities;

/// <summary>Records a pause, reminder, receipt or resume: session status, messages and the lifecycle event.</summary>
public sealed class RecordStepActivity : TaskActivity<SessionUpdate, bool>
{
    private readonly SessionRecorder _recorder;

    /// <summary>Creates the activity.</summary>
    public RecordStepActivity(SessionRecorder recorder) => _recorder = recorder ?? throw new ArgumentNullException(nameof(recorder));

    public override async Task<bool> RunAsync(TaskActivityContext context, SessionUpdate input)
    {
        await _recorder.RecordAsync(input);
        return true;
    }
}

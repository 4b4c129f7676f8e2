namespace DurableClaims.Cli.Clients;

/// <summary>Neither a remote host nor Microsoft's client pushes changes to the CLI, so the "signal" is a poll interval that doubles from <c>first</c> up to <c>max</c>.</summary>
internal sealed class PollingSignal(TimeSpan first, TimeSpan max) : IClaimChangeSignal
{
    private TimeSpan _delay = first;

    public async Task WaitAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        await Task.Delay(_delay < maxWait ? _delay : maxWait, cancellationToken);
        _delay = _delay * 2 < max ? _delay * 2 : max;
    }

    public void Dispose()
    {
    }
}

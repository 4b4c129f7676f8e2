using System.Text;

namespace DurableClaims.Host.Tests.Apis;

/// <summary>One server-sent event as the stream carried it.</summary>
public sealed record SseEvent(string Name, string Data);

/// <summary>Reads a <c>text/event-stream</c> response event by event, as EventSource does (comments and <c>retry</c> skipped).</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    /// <summary>The next event, or null when the stream ended.</summary>
    public async Task<SseEvent?> NextAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        var data = new StringBuilder();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new SseEvent(name ?? "message", data.ToString());
                }

                name = null;
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line[5..].TrimStart());
            }
        }

        return null;
    }

    /// <summary>Reads events until one satisfies <paramref name="match"/>; fails the test when the stream ends or the time is up.</summary>
    public async Task<SseEvent> WaitForAsync(Func<SseEvent, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (await NextAsync(cts.Token) is { } next)
        {
            if (match(next))
            {
                return next;
            }
        }

        throw new InvalidOperationException("The stream ended before the expected event.");
    }

    public void Dispose() => _reader.Dispose();
}

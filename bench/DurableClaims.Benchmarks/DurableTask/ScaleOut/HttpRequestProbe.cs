using System.Diagnostics.Metrics;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>Counts this process's HTTP requests per server port (Azurite's blob, queue and table ports) and the time they took, from .NET's own HTTP client meter.</summary>
/// <remarks>The Azure SDK sends through HttpClient, so every storage call shows up here, with no wrapper around the storage clients.</remarks>
internal sealed class HttpRequestProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<int, (long Count, double Seconds)> _byPort = [];

    public HttpRequestProbe()
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var port = 0;
            foreach (var tag in tags)
            {
                if (tag.Key == "server.port" && tag.Value is int value)
                {
                    port = value;
                }
            }

            lock (_byPort)
            {
                var (count, total) = _byPort.GetValueOrDefault(port);
                _byPort[port] = (count + 1, total + seconds);
            }
        });
        _listener.Start();
    }

    /// <summary>Requests and their summed duration per port since the last call; the counters start again at zero.</summary>
    public Dictionary<int, (long Count, double Seconds)> TakeCounts()
    {
        lock (_byPort)
        {
            var copy = new Dictionary<int, (long Count, double Seconds)>(_byPort);
            _byPort.Clear();
            return copy;
        }
    }

    public void Dispose() => _listener.Dispose();
}

namespace DurableClaims.Benchmarks.Http;

/// <summary>The numbers the load check prints (and writes as JSON with --json).</summary>
public sealed record LoadReport
{
    public required int Claims { get; init; }

    public required int InFlight { get; init; }

    public required int Cores { get; init; }

    public required double Seconds { get; init; }

    public required double ClaimsPerSecond { get; init; }

    public required int StatusRequests { get; init; }

    public required double StatusP50Ms { get; init; }

    public required double StatusP99Ms { get; init; }

    public required double StatusMaxMs { get; init; }

    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    public required int Listed { get; init; }

    public required int Lost { get; init; }

    public required int Duplicated { get; init; }

    /// <summary>Gets how many claims ended in another status than <see cref="LoadDriver.ExpectedStatus"/> (or failed).</summary>
    public required int Unexpected { get; init; }

    public bool Ok => Lost == 0 && Duplicated == 0 && Unexpected == 0;

    public static LoadReport Create(int claims, int inFlight, TimeSpan elapsed, LoadDriver driver, LoadVerification verification)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(verification);
        var latencies = driver.StatusLatenciesMs.Order().ToArray();
        return new LoadReport
        {
            Claims = claims,
            InFlight = inFlight,
            Cores = Environment.ProcessorCount,
            Seconds = elapsed.TotalSeconds,
            ClaimsPerSecond = claims / elapsed.TotalSeconds,
            StatusRequests = latencies.Length,
            StatusP50Ms = Percentile(latencies, 0.50),
            StatusP99Ms = Percentile(latencies, 0.99),
            StatusMaxMs = latencies.Length == 0 ? 0 : latencies[^1],
            Outcomes = driver.FinalStatus.Values.GroupBy(s => s.StartsWith("failed", StringComparison.Ordinal) ? "failed" : s)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Listed = verification.Listed,
            Lost = verification.Lost + (claims - driver.FinalStatus.Count),
            Duplicated = verification.Duplicated,
            Unexpected = driver.FinalStatus.Values.Count(s => s != LoadDriver.ExpectedStatus),
        };
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

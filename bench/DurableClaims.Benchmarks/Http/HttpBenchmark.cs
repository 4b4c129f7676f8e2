using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DurableClaims.Host.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DurableClaims.Benchmarks.Http;

/// <summary>HTTP load check: N claims through the API of a real host on loopback, M in flight, documents posted as each pauses.</summary>
public static class HttpBenchmark
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    /// <summary>Runs the load check; <c>--claims N --in-flight M --json</c>. Returns 0 when every claim reached its expected status exactly once.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var claims = BenchArgs.Int(args, "--claims", 500);
        var inFlight = BenchArgs.Int(args, "--in-flight", 32);
        var json = args.Contains("--json");
        var dataDirectory = Path.Combine(Path.GetTempPath(), "durableclaims-http-bench", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--data-dir", dataDirectory, "--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"],
        });
        builder.AddDurableClaimsHost();
        await using var app = builder.Build();
        app.MapDurableClaimsHost();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = inFlight * 2 })
            {
                BaseAddress = new Uri(address),
                Timeout = TimeSpan.FromMinutes(2),
            };
            var driver = new LoadDriver(http);
            var clock = Stopwatch.StartNew();
            await driver.RunAsync(claims, inFlight);
            clock.Stop();
            var verification = await driver.VerifyAsync(claims);
            var report = LoadReport.Create(claims, inFlight, clock.Elapsed, driver, verification);
            Print(report, json);
            return report.Ok ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            BenchArgs.TryDelete(dataDirectory);
        }
    }

    private static void Print(LoadReport report, bool json)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTTP load check: {report.Claims} claims, {report.InFlight} in flight, {report.Cores} cores"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  elapsed {report.Seconds:F1} s, {report.ClaimsPerSecond:F1} claims/s (each: start, poll to pause, post documents, poll to decision)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  status GETs: {report.StatusRequests}, p50 {report.StatusP50Ms:F1} ms, p99 {report.StatusP99Ms:F1} ms, max {report.StatusMaxMs:F1} ms"));
        Console.WriteLine($"  outcomes: {string.Join(", ", report.Outcomes.Select(o => $"{o.Key}={o.Value}"))}");
        Console.WriteLine($"  lost: {report.Lost}, duplicated: {report.Duplicated}, unexpected: {report.Unexpected}, listed: {report.Listed}");
        Console.WriteLine(report.Ok ? "  result: OK" : "  result: FAILED");
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(report, ReportJson));
        }
    }
}

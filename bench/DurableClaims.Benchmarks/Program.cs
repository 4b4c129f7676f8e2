using DurableClaims.Benchmarks.Engine;
using DurableClaims.Benchmarks.Http;

// Usage: dotnet run -c Release --project bench/DurableClaims.Benchmarks -- engine|http [--json]
switch (args.FirstOrDefault())
{
    case "engine":
        return await EngineBenchmark.RunAsync(args.Contains("--json"));

    // ---- http: the HTTP benchmark, owned by its engineer (bench/DurableClaims.Benchmarks/Http/) ----
    case "http":
        return await HttpBenchmark.RunAsync(args);

    default:
        Console.WriteLine("usage: engine|http [--json]");
        return 2;
}

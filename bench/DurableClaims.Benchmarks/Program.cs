using DurableClaims.Benchmarks.DurableTask;
using DurableClaims.Benchmarks.Engine;
using DurableClaims.Benchmarks.Http;

// Usage: dotnet run -c Release --project bench/DurableClaims.Benchmarks -- engine|http|durabletask [--json] [--stacks engine,sqlite,memory]
switch (args.FirstOrDefault())
{
    case "engine":
        return await EngineBenchmark.RunAsync(args.Contains("--json"));

    // The new stack (Microsoft's executor on SQLite and in memory) beside today's engine; stacks run in child processes.
    case "durabletask":
        return await DurableTaskBenchmark.RunAsync(args);

    case "--stack-only":
        return await StackRun.RunAsync(StackKinds.Parse(args[1]), args.Contains("--throughput-only"));

    case "--memory-only":
        return await StackRun.MemoryAsync(StackKinds.Parse(args[1]));

    // ---- http: the HTTP benchmark, owned by its engineer (bench/DurableClaims.Benchmarks/Http/) ----
    case "http":
        return await HttpBenchmark.RunAsync(args);

    default:
        Console.WriteLine("usage: engine|http|durabletask [--json] [--stacks engine,sqlite,memory]");
        return 2;
}

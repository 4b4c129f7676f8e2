using DurableClaims.Benchmarks.DurableTask;
using DurableClaims.Benchmarks.Http;

// Usage: dotnet run -c Release --project bench/DurableClaims.Benchmarks -- durabletask|http [--json] [--stacks sqlite,memory]
switch (args.FirstOrDefault())
{
    // Microsoft's executor on our SQLite service and on the in-memory service; each stack runs in child processes.
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
        Console.WriteLine("usage: durabletask|http [--json] [--stacks sqlite,memory]");
        return 2;
}

using DurableClaims.Benchmarks.Assistant;
using DurableClaims.Benchmarks.DurableTask;
using DurableClaims.Benchmarks.DurableTask.ScaleOut;
using DurableClaims.Benchmarks.Http;

// Usage: dotnet run -c Release --project bench/DurableClaims.Benchmarks -- durabletask|http|assistant [--json] [--stacks sqlite,memory,azurestorage]
switch (args.FirstOrDefault())
{
    // Microsoft's executor on our SQLite service and on the in-memory service; each stack runs in child processes.
    case "durabletask":
        return await DurableTaskBenchmark.RunAsync(args);

    case "--stack-only" when StackKinds.Parse(args[1]) == StackKind.AzureStorage:
        return await ScaleOutRun.RunAsync(ScaleOutRun.Parse(args));

    case "--stack-only":
        return await StackRun.RunAsync(StackKinds.Parse(args[1]), args.Contains("--throughput-only"));

    // A worker process of the azurestorage stack, started by its coordinator above.
    case "--worker-only":
        return await ScaleOutWorker.RunAsync(args);

    case "--memory-only":
        return await StackRun.MemoryAsync(StackKinds.Parse(args[1]));

    // ---- http: the HTTP benchmark, owned by its engineer (bench/DurableClaims.Benchmarks/Http/) ----
    case "http":
        return await HttpBenchmark.RunAsync(args);

    // The claim assistant: prompt building on long conversations, the conversation store, asks over HTTP.
    case "assistant":
        return await AssistantBenchmark.RunAsync(args);

    default:
        Console.WriteLine("usage: durabletask|http|assistant [--json] [--stacks sqlite,memory,azurestorage] [--n 300] [--resume 50] [--poll-ms 100] [--workers 1,2,3]");
        return 2;
}

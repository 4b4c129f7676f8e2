using DurableClaims.Samples.Workflow;

// `dotnet run --project samples/DurableClaims.Samples.Workflow` runs one order end to end;
// `crash-child --data-dir X --count N` is the workload the engine's crash test kills and restarts.
return args.Length > 0 && args[0] == "crash-child"
    ? await CrashChild.RunAsync(args)
    : await SampleRun.RunAsync(args);

using DurableClaims.Samples.DurableTask;

// `crash-child --database FILE --count N` is the workload the SQLite provider's crash test kills and restarts.
return args.Length > 0 && args[0] == "crash-child"
    ? await CrashChild.RunAsync(args)
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: crash-child --database FILE [--count N]");
    return 2;
}

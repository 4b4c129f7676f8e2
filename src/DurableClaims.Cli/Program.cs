return await DurableClaims.Cli.CliApplication.RunAsync(args);

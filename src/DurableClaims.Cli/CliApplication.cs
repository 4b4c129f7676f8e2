using System.CommandLine;
using System.CommandLine.Invocation;
using DurableClaims.Cli.Commands;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli;

/// <summary>Builds the durableclaims command tree and runs it.</summary>
internal static class CliApplication
{
    /// <summary>Creates the root command with every sub-command and the global options.</summary>
    public static RootCommand Create()
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("durableclaims: run insurance claims through the durable claims workflow, locally or against a host.")
        {
            ProcessCommand.Create(globals),
            ResumeCommand.Create(globals),
            ReviewCommand.Create(globals),
            ReopenCommand.Create(globals),
            RetryCommand.Create(globals),
            RemindCommand.Create(globals),
            CloseCommand.Create(globals),
            NoteCommand.Create(globals),
            ArchiveCommand.Create(globals),
            ListSessionsCommand.Create(globals),
            StatusCommand.Create(globals),
            HistoryCommand.Create(globals),
            AskCommand.Create(globals),
            StatsCommand.Create(globals),
            CleanupCommand.Create(globals),
            DeleteCommand.Create(globals),
            ServeCommand.Create(globals),
            VersionCommand.Create(globals),
        };
        globals.AddTo(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; bad usage exits with 2 and the errors on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parseResult = Create().Parse(args);
        if (parseResult.Errors.Count > 0 && parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'durableclaims --help' for usage.");
            return ExitCodes.BadInput;
        }

        return await parseResult.InvokeAsync();
    }
}

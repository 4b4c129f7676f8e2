using System.CommandLine;
using DurableClaims.Cli.Output;

namespace DurableClaims.Cli.Infrastructure;

/// <summary>Runs a command's body and turns its exceptions into messages on stderr and exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetAction(Command command, GlobalOptions globals, Func<ParseResult, CommandContext, CancellationToken, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(body);
        command.SetAction((parseResult, cancellationToken) => RunAsync(command.Name, parseResult, globals, body, cancellationToken));
    }

    private static async Task<int> RunAsync(
        string name,
        ParseResult parseResult,
        GlobalOptions globals,
        Func<ParseResult, CommandContext, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken)
    {
        var settings = globals.Read(parseResult);
        using var context = new CommandContext(settings, CliOutput.ForProcess(settings.Json));
        try
        {
            return await body(parseResult, context, cancellationToken);
        }
        catch (CliInputException ex)
        {
            CliLog.BadInput(context.Logger, ex.Message);
            context.Output.WriteError(ex.Message, ex.Details);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Output.WriteError("cancelled; a running claim continues the next time the engine runs.");
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CliLog.CommandFailed(context.Logger, ex, name);
            context.Output.WriteError(Describe(ex));
            return ExitCodes.Failure;
        }
    }

    private static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: null } http => $"cannot reach the server: {http.Message}",
        _ => exception.Message,
    };
}

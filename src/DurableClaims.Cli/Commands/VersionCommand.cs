using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using DurableClaims.Cli.Clients;
using DurableClaims.Cli.Infrastructure;
using Spectre.Console;

namespace DurableClaims.Cli.Commands;

/// <summary><c>version</c>: print the CLI's version.</summary>
internal static class VersionCommand
{
    /// <summary>Gets the informational version of the CLI (with the commit, when the build stamped one).</summary>
    public static string Version { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionCommand).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("version", "Print the version of durableclaims.");
        CommandRunner.SetAction(command, globals, (_, context, _) =>
        {
            if (context.Output.Json)
            {
                context.Output.WriteJson(new VersionInfo("durableclaims", Version, RuntimeInformation.FrameworkDescription), CliJson.Options);
            }
            else
            {
                context.Output.Console.WriteLine($"durableclaims {Version} ({RuntimeInformation.FrameworkDescription})");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private sealed record VersionInfo(string Name, string Version, string Runtime);
}

using System.Text.Json;
using Spectre.Console;

namespace DurableClaims.Cli.Output;

/// <summary>Where a command writes: human output on stdout (Spectre.Console), JSON on stdout, messages on stderr.</summary>
internal sealed class CliOutput
{
    private readonly TextWriter _stdout;

    public CliOutput(TextWriter stdout, TextWriter stderr, bool json, bool stdoutIsTerminal)
    {
        _stdout = stdout;
        Error = stderr;
        Json = json;
        Interactive = stdoutIsTerminal && !json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!Interactive)
        {
            // Redirected output is read by scripts and logs: wide enough not to wrap ids and paths.
            Console.Profile.Width = 160;
        }
    }

    /// <summary>Gets the console for human output on stdout.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Gets stderr.</summary>
    public TextWriter Error { get; }

    /// <summary>Gets whether stdout carries one JSON document.</summary>
    public bool Json { get; }

    /// <summary>Gets whether stdout is a terminal and human output is on (live progress, colours).</summary>
    public bool Interactive { get; }

    /// <summary>Creates the output of the current process.</summary>
    public static CliOutput ForProcess(bool json)
        => new(System.Console.Out, System.Console.Error, json, !System.Console.IsOutputRedirected);

    /// <summary>Writes <paramref name="value"/> as the one JSON document of this run.</summary>
    public void WriteJson<T>(T value, JsonSerializerOptions options)
    {
        _stdout.WriteLine(JsonSerializer.Serialize(value, options));
        _stdout.Flush();
    }

    /// <summary>Writes a plain line for humans (not in --json mode, where stdout is reserved).</summary>
    public void WriteLine(string text)
    {
        if (Json)
        {
            Error.WriteLine(text);
        }
        else
        {
            Console.WriteLine(text);
        }
    }

    /// <summary>Writes an error message (and one indented line per detail) to stderr.</summary>
    public void WriteError(string message, IEnumerable<string>? details = null)
    {
        Error.WriteLine($"error: {message}");
        foreach (var detail in details ?? [])
        {
            Error.WriteLine($"  - {detail}");
        }

        Error.Flush();
    }
}

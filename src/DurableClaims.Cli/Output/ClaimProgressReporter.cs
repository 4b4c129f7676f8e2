using System.Globalization;
using DurableClaims.Api;
using Spectre.Console;

namespace DurableClaims.Cli.Output;

/// <summary>Receives each status read while a claim runs.</summary>
internal interface IClaimProgressReporter
{
    void Report(ClaimStatusView view);
}

/// <summary>Shows progress: a live Spectre.Console status line on a terminal, plain lines otherwise (stderr with --json).</summary>
internal static class ClaimProgress
{
    /// <summary>Runs <paramref name="body"/> with a reporter suited to <paramref name="output"/>.</summary>
    public static async Task<T> RunAsync<T>(CliOutput output, string title, Func<IClaimProgressReporter, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(body);
        if (!output.Interactive)
        {
            return await body(new PlainReporter(output));
        }

        return await output.Console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Markup.Escape(title), context => body(new LiveReporter(output, context)));
    }

    /// <summary>Describes a status in one line: "CLM-1  running  phase analysis  round 2".</summary>
    public static string Describe(ClaimStatusView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = string.Create(CultureInfo.InvariantCulture, $"{view.ClaimId}  {view.Status}  phase {view.Phase ?? "-"}  round {view.Rounds}");
        if (view.MissingDocuments.Count > 0)
        {
            text += "  missing " + string.Join(", ", view.MissingDocuments);
        }

        return text;
    }

    private static string Key(ClaimStatusView view)
        => string.Join('|', view.Status, view.Phase, view.Rounds, string.Join(',', view.MissingDocuments));

    private sealed class PlainReporter(CliOutput output) : IClaimProgressReporter
    {
        private string? _last;

        public void Report(ClaimStatusView view)
        {
            var key = Key(view);
            if (key == _last)
            {
                return;
            }

            _last = key;
            var line = "progress: " + Describe(view);
            if (output.Json)
            {
                output.Error.WriteLine(line);
            }
            else
            {
                output.Console.WriteLine(line);
            }
        }
    }

    private sealed class LiveReporter(CliOutput output, StatusContext context) : IClaimProgressReporter
    {
        private string? _lastPhase;

        public void Report(ClaimStatusView view)
        {
            var phase = view.Status + "|" + view.Phase;
            if (phase != _lastPhase)
            {
                // Keep a trail of the phases above the live line.
                output.Console.MarkupLine($"[grey]{Markup.Escape(Describe(view))}[/]");
                _lastPhase = phase;
            }

            context.Status($"[bold]{Markup.Escape(view.ClaimId)}[/] {Markup.Escape(view.Status)} · phase {Markup.Escape(view.Phase ?? "-")} · round {view.Rounds}");
        }
    }
}

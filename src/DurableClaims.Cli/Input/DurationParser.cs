using System.Globalization;
using DurableClaims.Cli.Infrastructure;

namespace DurableClaims.Cli.Input;

/// <summary>Parses ages such as 30d, 12h, 90m or 2w (a bare number means days).</summary>
internal static class DurationParser
{
    /// <summary>Creates an option whose value is a duration; a bad value is a parse error (exit 2).</summary>
    public static System.CommandLine.Option<TimeSpan> CreateOption(string name, string description, string? defaultValue)
    {
        var option = new System.CommandLine.Option<TimeSpan>(name)
        {
            Description = description,
            HelpName = "DURATION",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : defaultValue ?? string.Empty;
                try
                {
                    return Parse(text);
                }
                catch (CliInputException ex)
                {
                    result.AddError($"{name}: {ex.Message}");
                    return default;
                }
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => Parse(defaultValue);
        }
        else
        {
            option.Required = true;
        }

        return option;
    }

    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw Invalid(text);
        }

        var unit = char.ToLowerInvariant(trimmed[^1]);
        var number = char.IsDigit(unit) ? trimmed : trimmed[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            throw Invalid(text);
        }

        return unit switch
        {
            'w' => TimeSpan.FromDays(value * 7),
            'd' => TimeSpan.FromDays(value),
            'h' => TimeSpan.FromHours(value),
            'm' => TimeSpan.FromMinutes(value),
            's' => TimeSpan.FromSeconds(value),
            _ when char.IsDigit(unit) => TimeSpan.FromDays(value),
            _ => throw Invalid(text),
        };
    }

    private static CliInputException Invalid(string text)
        => new($"'{text}' is not a duration; use a number with d, h, m, s or w (e.g. 30d).");
}

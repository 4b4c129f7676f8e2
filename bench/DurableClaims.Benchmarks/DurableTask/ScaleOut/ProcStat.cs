using System.Globalization;

namespace DurableClaims.Benchmarks.DurableTask.ScaleOut;

/// <summary>Reads CPU time and peak resident memory of other processes (Azurite, the workers) and the machine's CPU use from /proc.</summary>
/// <remarks>Linux only; elsewhere every figure is 0. Ticks are USER_HZ (100 per second on Linux).</remarks>
internal static class ProcStat
{
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU seconds the process has used so far.</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        // The command name may hold spaces; the fields after its closing parenthesis start at field 3 (state).
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Peak resident set (VmHWM) in MB.</summary>
    public static double PeakRssMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    /// <summary>Busy and total CPU ticks of the whole machine, all cores.</summary>
    public static (long Busy, long Total) MachineTicks()
    {
        var line = Read("/proc/stat")?.Split('\n')[0];
        if (line is null)
        {
            return (0, 0);
        }

        var ticks = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        // idle and iowait are the not-busy fields.
        var total = ticks.Take(8).Sum();
        return (total - ticks[3] - ticks[4], total);
    }

    private static long StatusKb(int pid, string field)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

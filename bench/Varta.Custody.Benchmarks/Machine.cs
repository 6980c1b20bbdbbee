using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Varta.Custody.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal static partial class Machine
{
    public static IReadOnlyList<(string What, string Value)> Describe(string workDir) =>
    [
        ("cores (nproc)", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("CPU", Cpu()),
        ("memory", Memory()),
        ("disk of the work folder", Run("df", "-h", "--output=source,fstype,size,avail", workDir).Split('\n').Skip(1).FirstOrDefault()?.Trim() ?? "?"),
        ("OS", RuntimeInformation.OSDescription),
        (".NET", RuntimeInformation.FrameworkDescription),
        ("load average at start", File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?"),
        ("nice of this process", Nice()),
    ];

    /// <summary>Field 19 of /proc/self/stat (after the command name in parentheses).</summary>
    private static string Nice()
    {
        if (!File.Exists("/proc/self/stat"))
        {
            return "?";
        }

        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 16 ? fields[16] : "?";
    }

    private static string Cpu()
    {
        if (!File.Exists("/proc/cpuinfo"))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        var lines = File.ReadAllLines("/proc/cpuinfo");
        var model = lines.FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?";
        var mhz = lines.FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        return mhz is null ? model : $"{model} ({mhz} MHz)";
    }

    private static string Memory()
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return "?";
        }

        string Field(string name) => File.ReadAllLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
            ? $"{long.Parse(Digits().Match(line).Value, System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0:F1} GiB"
            : "?";
        return $"{Field("MemTotal")} total, {Field("MemAvailable")} available";
    }

    public static string Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}

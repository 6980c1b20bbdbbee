using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Varta.Benchmarks;

/// <summary>What the numbers were measured on.</summary>
internal sealed record MachineInfo(int Processors, string Memory, string Cpu, string FileSystem, string Runtime, string Os, string Sqlite)
{
    public static MachineInfo Collect(string folder) => new(
        Environment.ProcessorCount,
        MemTotal(),
        CpuModel(),
        Mount(folder),
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        SqliteVersion());

    public static string LoadAverage() =>
        ReadLines("/proc/loadavg").FirstOrDefault() is { } line ? string.Join(' ', line.Split(' ').Take(3)) : "unknown";

    private static string MemTotal()
    {
        var line = ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null || !long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb)
            ? "unknown"
            : $"{kb / 1024.0 / 1024.0:F1} GiB";
    }

    private static string CpuModel() =>
        ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        ?? RuntimeInformation.ProcessArchitecture.ToString();

    /// <summary>Device, mount point and file system type of the longest mount that holds the folder.</summary>
    private static string Mount(string folder)
    {
        var best = ReadLines("/proc/mounts")
            .Select(l => l.Split(' '))
            .Where(f => f.Length >= 3 && (folder == f[1] || folder.StartsWith(f[1].TrimEnd('/') + "/", StringComparison.Ordinal)))
            .MaxBy(f => f[1].Length);
        var drive = new DriveInfo(folder);
        var free = $"{drive.AvailableFreeSpace / 1024.0 / 1024 / 1024:F0} GiB free of {drive.TotalSize / 1024.0 / 1024 / 1024:F0} GiB";
        return best is null ? free : $"{best[2]} on {best[0]} (mounted at {best[1]}), {free}";
    }

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static IEnumerable<string> ReadLines(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}

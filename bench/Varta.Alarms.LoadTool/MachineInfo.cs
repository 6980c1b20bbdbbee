using System.Runtime.InteropServices;

namespace Varta.Alarms.LoadTool;

/// <summary>Where the figures came from: cores, CPU, memory, and how busy the machine was.</summary>
internal sealed class MachineInfo
{
    public int Cores { get; init; }

    public string CpuModel { get; init; } = "";

    public string MemTotal { get; init; } = "";

    public string Free { get; init; } = "";

    public string Kernel { get; init; } = "";

    public string Runtime { get; init; } = "";

    public string LoadAverageStart { get; init; } = "";

    public string LoadAverageEnd { get; set; } = "";

    public string StartedUtc { get; init; } = "";

    public string? Sqlite { get; set; }

    public string? Postgres { get; set; }

    public string? Mosquitto { get; set; }

    public static async Task<MachineInfo> CollectAsync()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var mem = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        string free;
        try
        {
            free = (await ChildProcess.RunAsync("free", ["-h"], TimeSpan.FromSeconds(10))).Output.TrimEnd();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            free = "";
        }

        return new MachineInfo
        {
            Cores = Environment.ProcessorCount,
            CpuModel = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            MemTotal = mem ?? "",
            Free = free,
            Kernel = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription,
            LoadAverageStart = LoadAverage(),
            StartedUtc = TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}

using System.Diagnostics;
using System.Globalization;

namespace Varta.Alarms.LoadTool;

/// <summary>
/// Samples a process's resident memory (VmRSS from /proc/PID/status) every 250 ms, keeping the peak overall and
/// the peak inside a marked window, and its CPU time (utime + stime from /proc/PID/stat) at window edges.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly double ClockTicksPerSecond = ReadClockTicks();
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peakKb;
    private long _windowPeakKb;
    private volatile bool _inWindow;

    public ProcessSampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakRssBytes => Interlocked.Read(ref _peakKb) * 1024;

    public long WindowPeakRssBytes => Interlocked.Read(ref _windowPeakKb) * 1024;

    public long CurrentRssBytes => (ReadRssKb(_pid) ?? 0) * 1024;

    public void StartWindow()
    {
        Interlocked.Exchange(ref _windowPeakKb, ReadRssKb(_pid) ?? 0);
        _inWindow = true;
    }

    public void EndWindow() => _inWindow = false;

    /// <summary>CPU seconds (user + system) the process has used so far; null once it is gone.</summary>
    public double? CpuSeconds() => ReadCpuSeconds(_pid);

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                if (ReadRssKb(_pid) is not { } kb)
                {
                    return;
                }

                Max(ref _peakKb, kb);
                if (_inWindow)
                {
                    Max(ref _windowPeakKb, kb);
                }
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static void Max(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public static long? ReadRssKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }

    public static double? ReadCpuSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may hold spaces: fields are counted after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double ReadClockTicks()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 100;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 100;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}

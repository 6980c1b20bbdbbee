using System.Diagnostics;
using System.Net.Sockets;

namespace Varta.Alarms.LoadTool;

/// <summary>mosquitto (from apt) on 127.0.0.1 and a free port, anonymous, no persistence; killed on dispose.</summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _dir;

    private MosquittoBroker(ChildProcess process, string dir, int port, string version)
    {
        _process = process;
        _dir = dir;
        Port = port;
        Version = version;
        Sampler = new ProcessSampler(process.Pid);
    }

    public int Port { get; }

    public string Version { get; }

    public ProcessSampler Sampler { get; }

    public static async Task<MosquittoBroker> StartAsync(CancellationToken ct)
    {
        var exe = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("mosquitto is not installed: `apt-get install -y mosquitto`, or pass --no-mosquitto");
        var (_, help) = await ChildProcess.RunAsync(exe, ["-h"], TimeSpan.FromSeconds(10));
        var version = help.Split('\n').FirstOrDefault(l => l.Contains("version", StringComparison.OrdinalIgnoreCase))?.Trim() ?? "mosquitto";
        var dir = Directory.CreateTempSubdirectory("varta-load-mqtt.").FullName;
        var port = ChildProcess.FreePort();
        var config = Path.Combine(dir, "mosquitto.conf");
        // Running as root, mosquitto switches to the "mosquitto" user after reading the configuration.
        await File.WriteAllTextAsync(config, $"""
            listener {port} 127.0.0.1
            allow_anonymous true
            persistence false
            max_queued_messages 100000
            log_dest stderr
            log_type error
            log_type warning
            """, ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        var info = new ProcessStartInfo(exe) { WorkingDirectory = dir };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(config);
        var process = ChildProcess.Start("mosquitto", info);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (process.HasExited)
            {
                var tail = process.Tail;
                await process.DisposeAsync();
                throw new InvalidOperationException($"mosquitto exited while starting:\n{tail}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, deadline.Token);
                return new MosquittoBroker(process, dir, port, version);
            }
            catch (SocketException)
            {
                await Task.Delay(100, deadline.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sampler.DisposeAsync();
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

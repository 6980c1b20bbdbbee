using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Varta.Alarms.LoadTool;

// The tool's 1,000 consoles share the machine with the host: keep their receive buffers pooled, as the host does
// (see src/Varta.Host/Program.cs), so the tool's own garbage collections take less of the CPU the host needs.
if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION") is null)
{
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION", "1024");
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (HelpRequestedException)
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

// Everything is bounded: the whole run stops by itself after --timeout-minutes, Ctrl+C stops it sooner.
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(options.TimeoutMinutes));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
// SIGTERM (timeout(1), kill): stop the same way, so that the host, the cluster and temporary folders are cleaned up.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    cts.Cancel();
});
var ct = cts.Token;
var hostEnv = options.Escalate ? options.HostEnv : ["Alarms__AcknowledgeWithin=01:00:00", .. options.HostEnv];

var machine = await MachineInfo.CollectAsync();
var command = "dotnet run -c Release --project bench/Varta.Alarms.LoadTool -- " + string.Join(' ', args.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
Logger.Log($"{command}");
Logger.Log($"{machine.Cores} cores, {machine.CpuModel}, {machine.MemTotal}; load average {machine.LoadAverageStart}");
var results = new List<ScenarioResult>();
var notes = new List<string>();
var exit = 0;

try
{
    var hostDll = options.Databases.Any() ? VartaHost.FindHostDll(options.HostDll) : "";
    PostgresCluster? cluster = null;
    try
    {
        foreach (var (db, client) in options.Databases.SelectMany(d => options.Clients.Select(c => (d, c))))
        {
            var folder = Directory.CreateTempSubdirectory("varta-load.").FullName;
            var name = (db == "sqlite" ? "Varta · SQLite" : "Varta · PostgreSQL") + (options.Clients.Count > 1 ? $" · {client}" : "");
            try
            {
                string provider, connection;
                if (db == "sqlite")
                {
                    provider = "Sqlite";
                    connection = $"Data Source={Path.Combine(folder, "varta.db")}";
                    machine.Sqlite = "WAL, synchronous=FULL (the host's settings), file in " + Path.GetDirectoryName(folder);
                }
                else
                {
                    provider = "Postgres";
                    string server;
                    if (options.PostgresConnection is { } given)
                    {
                        server = given;
                        machine.Postgres = "given server (--pg)";
                    }
                    else
                    {
                        Logger.Log("starting a throwaway PostgreSQL cluster");
                        cluster = await PostgresCluster.StartAsync(options.PostgresFast, ct);
                        server = cluster.ServerConnectionString;
                        machine.Postgres = $"{cluster.Version}, throwaway cluster on 127.0.0.1, {cluster.Settings}";
                    }

                    var builder = new DbConnectionStringBuilder { ConnectionString = server };
                    builder["Database"] = "varta_load_" + Guid.NewGuid().ToString("N")[..12];
                    connection = builder.ConnectionString;
                }

                Logger.Log($"{name}: starting the host");
                await using var host = await VartaHost.StartAsync(hostDll, provider, connection, folder, hostEnv, ct);
                try
                {
                    results.Add(await VartaScenario.RunAsync(options.ForClient(client), name, host, ct));
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    Logger.Log($"{name} failed: {e}");
                    results.Add(new ScenarioResult { Name = name, TargetRate = options.Rate, Error = $"{e.GetType().Name}: {e.Message}", ServerPeakRssMb = host.Sampler.PeakRssBytes / 1048576.0 });
                    exit = 1;
                }

                if (host.HasExited)
                {
                    notes.Add($"{name}: the host exited during the run:\n{host.Tail}");
                }
            }
            finally
            {
                if (cluster is not null)
                {
                    await cluster.DisposeAsync();
                    cluster = null;
                }

                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }
    finally
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    if (options.Mosquitto)
    {
        Logger.Log("mosquitto: starting the broker");
        await using var broker = await MosquittoBroker.StartAsync(ct);
        machine.Mosquitto = broker.Version;
        try
        {
            results.Add(await MqttScenario.RunAsync(options, broker, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Logger.Log($"mosquitto failed: {e}");
            results.Add(new ScenarioResult { Name = "mosquitto", TargetRate = options.Rate, Error = $"{e.GetType().Name}: {e.Message}" });
            exit = 1;
        }
    }
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Logger.Log($"stopped: the run hit its {options.TimeoutMinutes}-minute cap or was interrupted");
    notes.Add("The run was stopped early (time cap, Ctrl+C or SIGTERM); figures cover what finished.");
    exit = 3;
}

machine.LoadAverageEnd = MachineInfo.LoadAverage();
var markdown = Report.Markdown(options, machine, command, results, notes);
Console.WriteLine(markdown);
if (options.MarkdownOut is { } md)
{
    await File.WriteAllTextAsync(md, markdown, CancellationToken.None);
}

if (options.JsonOut is { } jsonPath)
{
    var json = JsonSerializer.Serialize(new { command, options, machine, results, notes }, new JsonSerializerOptions
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });
    await File.WriteAllTextAsync(jsonPath, json, CancellationToken.None);
}

return exit;

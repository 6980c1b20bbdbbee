using Varta.Host;
using Varta.Platform.Persistence;

// Before anything rents a byte array: let the shared pool keep more buffers per core. An alarm push writes to every
// console's pipe at once, and each pipe holds its 4 KB buffer until that console's socket send; with the default (32
// per core) almost every push to a thousand consoles allocated a new buffer (196 MB/s and 12 collections a second in
// the fan-out profile, BENCHMARKS.md). The pool gives memory back when the GC is under pressure. An operator's own
// setting of the variable wins.
const string arrayPoolVariable = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";
if (Environment.GetEnvironmentVariable(arrayPoolVariable) is null)
{
    Environment.SetEnvironmentVariable(arrayPoolVariable, "1024");
}

// Configuration is read at start-up; a changed appsettings file takes effect at the next restart. Watching it for
// changes means watching the whole content root, where the SQLite database and its write-ahead log live by default:
// every commit then woke a watcher thread (5 % of the host's CPU on the alarm benchmark's write path, BENCHMARKS.md).
const string reloadVariable = "DOTNET_hostBuilder__reloadConfigOnChange";
if (Environment.GetEnvironmentVariable(reloadVariable) is null)
{
    Environment.SetEnvironmentVariable(reloadVariable, "false");
}

if (args is ["audit", ..])
{
    return await AuditCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddVartaHost();

var app = builder.Build();
await app.InitializeVartaAsync();
app.UseVartaHost();
app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
await app.RunAsync();
return 0;

public partial class Program;

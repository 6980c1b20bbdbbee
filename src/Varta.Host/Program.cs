using Varta.Host;
using Varta.Platform;

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

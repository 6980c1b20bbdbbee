using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Varta.Platform.Demo;

namespace Varta.Host;

internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("Varta is running:");
        foreach (var address in addresses)
        {
            Console.WriteLine($"  {address}");
        }

        if (app.Configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment()))
        {
            Console.WriteLine($"Demo accounts (password {DemoData.Password}, two-factor not enforced for them):");
            foreach (var account in DemoData.Accounts)
            {
                Console.WriteLine($"  {account.Username,-18} {account.Role}");
            }
        }

        Console.WriteLine();
    }
}

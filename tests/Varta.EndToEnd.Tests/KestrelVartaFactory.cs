using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Varta.Testing;

namespace Varta.EndToEnd.Tests;

/// <summary>
/// The real host on a real socket, because a browser cannot reach the in-memory TestServer. Listens on
/// 127.0.0.1 only, on a port the operating system picks, so parallel classes never collide.
/// </summary>
public sealed class KestrelVartaFactory : VartaFactory
{
    public KestrelVartaFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Where the browser goes, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Outside Development the host serves only published assets; the test runs from build output, so it
        // needs the build's map of wwwroot and the framework's files (blazor.web.js) instead.
        builder.UseStaticWebAssets();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Varta.Platform.Http;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer to other sites, a Content-Security-Policy that
/// Blazor works under and that forbids framing, and <c>Cache-Control: no-store</c> on everything that is not a
/// static file (API answers and pre-rendered pages carry personal data).
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    // Blazor Server needs its own script and a WebSocket to this host ('self' covers ws/wss in CSP 3); pages set
    // style attributes and the reconnect dialog brings its own <style>, hence 'unsafe-inline' for styles only.
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; media-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The API reference (Scalar) starts from an inline script of its own; it shows no personal data.
    private const string ReferencePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin"; // the language switch reads the Referer of this site's own pages
            headers.XFrameOptions = "DENY";
            // A download the endpoint sandboxed keeps its policy (this callback runs after the endpoint); any other policy set
            // before (Blazor's frame-ancestors 'self') gives way to the site's.
            if (!headers.ContentSecurityPolicy.ToString().StartsWith("sandbox", StringComparison.Ordinal))
            {
                headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/reference") ? ReferencePolicy : Policy;
            }
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}

internal static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a TLS proxy: the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) and
    /// <c>ForwardedHeaders:KnownNetworks</c> (CIDR) may tell the client's address and scheme, so that cookies are
    /// <c>Secure</c> and HSTS is sent. Loopback is trusted by default; nobody else is.
    /// </summary>
    public static void AddVartaForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }
}

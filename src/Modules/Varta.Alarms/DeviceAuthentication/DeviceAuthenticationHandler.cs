using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Platform.Audit;
using Varta.Platform.Persistence;

namespace Varta.Alarms.DeviceAuthentication;

/// <summary>
/// Devices authenticate with "Authorization: Bearer &lt;secret&gt;". The secret is 32 random bytes, so its
/// SHA-256 is a safe lookup key (unlike a password it needs no slow hash). Failures are audited.
/// </summary>
internal sealed class DeviceAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Device";
    public const string DeviceClaim = "varta:device";
    public const string SiteClaim = "varta:device-site";

    /// <summary>HttpContext.Items key of the <see cref="KnownDevice"/> authenticated, so the request need not read it again.</summary>
    public const string DeviceItem = "varta:device";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            await AuditFailureAsync("missing-credential");
            return AuthenticateResult.Fail("No device credential.");
        }

        var secret = header["Bearer ".Length..].Trim();
        var db = Context.RequestServices.GetRequiredService<VartaDbContext>();
        var hash = HashSecret(secret);
        var known = secret.Length is > 20 and < 200
            ? await KnownDevice.Query(db, d => d.SecretHash == hash && d.Enabled).FirstOrDefaultAsync(Context.RequestAborted)
            : null;
        if (known is null)
        {
            await AuditFailureAsync("unknown-device");
            return AuthenticateResult.Fail("Unknown device or wrong credential.");
        }

        var device = known.Device;
        Context.Items[DeviceItem] = known;

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, device.Id.ToString()),
            new Claim(ClaimTypes.Name, "device:" + device.Name),
            new Claim(DeviceClaim, device.Id.ToString()),
            new Claim(SiteClaim, device.SiteId.ToString()),
        ], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task AuditFailureAsync(string reason)
    {
        var audit = Context.RequestServices.GetRequiredService<IAuditLog>();
        await audit.AppendAsync(new AuditRecord
        {
            Action = "alarms.device.auth-failed",
            Category = AuditCategory.Device,
            ActorId = "anonymous-device",
            ActorName = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            Details = JsonSerializer.Serialize(new { reason, path = Request.Path.Value }),
        }, Context.RequestAborted);
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

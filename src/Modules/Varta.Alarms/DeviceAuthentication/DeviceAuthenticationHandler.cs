using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Alarms.DeviceAuthentication;

/// <summary>
/// Devices authenticate with "Authorization: Bearer &lt;secret&gt;". The secret is 32 random bytes, so its
/// SHA-256 is a safe lookup key (unlike a password it needs no slow hash). Failures are audited at most twice a
/// minute per client address (<see cref="FailureAudit"/>), and an address that keeps failing is answered 429 with
/// Retry-After, without a database look-up, for the rest of the minute.
/// </summary>
internal sealed class DeviceAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    FailureWindows failures, FailureAudit failureAudit, IOptions<Data.AlarmsOptions> alarms)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string FailedAuth = "device-auth";
    private TimeSpan? _throttled;

    public const string SchemeName = "Device";
    public const string DeviceClaim = "varta:device";
    public const string SiteClaim = "varta:device-site";

    /// <summary>HttpContext.Items key of the <see cref="KnownDevice"/> authenticated, so the request need not read it again.</summary>
    public const string DeviceItem = "varta:device";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (failures.IsBlocked(FailedAuth, Context.ClientAddress(), alarms.Value.FailedAuthPerMinutePerAddress, out var retry))
        {
            _throttled = retry;
            await AuditFailureAsync("throttled");
            return AuthenticateResult.Fail("Too many failed device authentications from this address.");
        }

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
            ? await KnownDevice.FindBySecretAsync(db, hash, Context.RequestAborted)
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

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        _throttled is { } retry ? Throttling.WriteAsync(Context, retry) : base.HandleChallengeAsync(properties);

    private async Task AuditFailureAsync(string reason)
    {
        var source = Context.ClientAddress();
        if (reason != "throttled")
        {
            failures.Count(FailedAuth, source);
        }

        await failureAudit.RecordAsync(new AuditRecord
        {
            Action = "alarms.device.auth-failed",
            Category = AuditCategory.Device,
            ActorId = "anonymous-device",
            ActorName = source,
            Details = JsonSerializer.Serialize(new { reason, path = Request.Path.Value }),
        }, source, Context.RequestAborted);
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

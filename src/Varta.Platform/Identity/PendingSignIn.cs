using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace Varta.Platform.Identity;

/// <summary>
/// Between the password and the second factor: a short-lived, tamper-proof cookie naming the user whose
/// password was right. It grants nothing by itself.
/// </summary>
internal sealed class PendingSignIn(IDataProtectionProvider protection, TimeProvider clock)
{
    private const string CookieName = "varta.pending";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly IDataProtector _protector = protection.CreateProtector("Varta.PendingSignIn.v1");

    public void Start(HttpContext context, Guid userId)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var value = _protector.Protect($"{userId:N}|{expires.ToUnixTimeSeconds()}");
        context.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            MaxAge = Lifetime,
            Path = "/account",
        });
    }

    public Guid? Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var raw))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(raw).Split('|');
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && long.TryParse(parts[1], out var exp)
                && DateTimeOffset.FromUnixTimeSeconds(exp) > clock.GetUtcNow())
            {
                return id;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A forged or stale cookie is simply no pending sign-in.
        }

        return null;
    }

    public void End(HttpContext context) => context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/account" });
}

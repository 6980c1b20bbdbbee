using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Varta.Platform.Localization;

namespace Varta.Platform.Identity;

internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        // Choosing a language must work before sign-in, on the sign-in page itself. Reviewed opt-out.
        app.MapGet("/culture", (HttpContext ctx, string? c, string? redirect) =>
        {
            var culture = Loc.Cultures.Contains(c) ? c! : Loc.Ukrainian;
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = ctx.Request.IsHttps });
            return TypedResults.LocalRedirect(SamePage(ctx.Request) ?? (IsLocal(redirect) ? redirect! : "/"));
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext ctx, [FromForm] string? returnUrl) =>
        {
            await ctx.SignOutAsync(PlatformModule.CookieScheme);
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
    }

    /// <summary>
    /// The page the link was clicked on, from the Referer when it is this site. After in-app navigation the link's own
    /// "redirect" can lag one render behind the address bar; the browser's Referer does not. Null when absent or foreign.
    /// </summary>
    private static string? SamePage(HttpRequest request)
    {
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var local = referer.PathAndQuery;
        return IsLocal(local) && !local.StartsWith("/culture", StringComparison.OrdinalIgnoreCase) ? local : null;
    }

    /// <summary>
    /// A path on this site: one leading slash, not "//" or "/\\" (another host), and no control or blank character anywhere
    /// ("/\t/evil.com" is read by browsers as "//evil.com"). Anything else is ignored, never an error.
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}

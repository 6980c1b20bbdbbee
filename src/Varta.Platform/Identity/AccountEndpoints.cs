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
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(IsLocal(redirect) ? redirect! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/logout", async (HttpContext ctx, [FromForm] string? returnUrl) =>
        {
            await ctx.SignOutAsync(PlatformModule.CookieScheme);
            return TypedResults.LocalRedirect("/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Persistence;

namespace Varta.Platform.Identity;

/// <summary>Accounts, the two ways in (cookie for pages, bearer token for the API and hubs), and the authorization policies.</summary>
internal static class IdentitySetup
{
    private const string SelectScheme = "Varta";

    public static void AddVartaIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<VartaUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyz0123456789._-";
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<VartaDbContext>()
            .AddPasswordValidator<PasswordRules>();
        services.AddScoped<SignInService>();
        services.AddSingleton<SourceLockout>();
        services.AddSingleton<FailureWindows>();
        services.AddSingleton<Audit.FailureAudit>();
        services.AddHostedService(sp => sp.GetRequiredService<Audit.FailureAudit>());
        services.AddSingleton<UserChanges>();
        services.AddSingleton<UserChangeInterceptor>();
        services.AddSingleton<UserChangeCommitInterceptor>();
        // Before the components' own registration (TryAdd): open pages re-check their user.
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationState>();
        services.AddSingleton<HubRevocation>();
        services.AddHostedService(sp => sp.GetRequiredService<HubRevocation>());
        services.Configure<HubOptions>(o => o.AddFilter<HubRevocation>());
        services.AddSingleton<TokenService>();
        services.AddSingleton<PrincipalValidator>();
        services.AddSingleton(sp => new SessionWatch(sp.GetRequiredService<PrincipalValidator>(), sp.GetRequiredService<UserChanges>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RevocationOptions>>()));

        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, SelectScheme, o =>
                // The API takes bearer tokens only, so a browser cookie can never be replayed against it (no CSRF);
                // pages take the cookie.
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api") || IsBearerHubCall(ctx.Request) ? PlatformModule.BearerScheme : PlatformModule.CookieScheme)
            .AddCookie(PlatformModule.CookieScheme, o =>
            {
                o.Cookie.Name = "varta.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    var validator = ctx.HttpContext.RequestServices.GetRequiredService<PrincipalValidator>();
                    if (ctx.Principal is null || !await validator.IsCurrentAsync(ctx.Principal))
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(PlatformModule.CookieScheme);
                    }
                };
            })
            .AddJwtBearer(PlatformModule.BearerScheme, o =>
            {
                o.MapInboundClaims = false;
                o.IncludeErrorDetails = false; // a 401 says "Bearer", never why the token library refused the token
                o.Events = new JwtBearerEvents
                {
                    // WebSocket clients cannot set headers: hubs take the token from the query string.
                    OnMessageReceived = ctx =>
                    {
                        if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query.TryGetValue("access_token", out var token))
                        {
                            ctx.Token = token;
                        }
                        else if (ctx.Request.Headers.Authorization.ToString() is var header
                                 && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                                 && header.AsSpan("Bearer ".Length).Trim().Count('.') != 2)
                        {
                            // Not a JWT (a device's secret, say, which the device scheme reads): nothing here to
                            // validate, and no exception thrown and caught per request to find that out.
                            ctx.NoResult();
                        }

                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async ctx =>
                    {
                        var validator = ctx.HttpContext.RequestServices.GetRequiredService<PrincipalValidator>();
                        if (ctx.Principal is null || !await validator.IsCurrentAsync(ctx.Principal))
                        {
                            ctx.Fail("The token's user changed or was deactivated.");
                        }
                    },
                };
            });
        services.AddOptions<JwtBearerOptions>(PlatformModule.BearerScheme)
            .Configure<TokenService>((o, tokens) => o.TokenValidationParameters = tokens.ValidationParameters());
        services.AddAuthorization(o =>
        {
            // Anything that forgets to say who may use it is closed, not open.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        PlatformPolicies.Add(services.AddAuthorizationBuilder());
        services.AddCascadingAuthenticationState();
    }

    private static bool IsBearerHubCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs")
        && (request.Query.ContainsKey("access_token") || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));
}

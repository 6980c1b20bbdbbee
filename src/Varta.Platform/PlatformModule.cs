using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Varta.Platform.Admin;
using Varta.Platform.Audit;
using Varta.Platform.Demo;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Observability;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform;

public static class PlatformModule
{
    public const string CookieScheme = "Varta.Cookie";
    public const string BearerScheme = JwtBearerDefaults.AuthenticationScheme;
    private const string SelectScheme = "Varta";

    public static IServiceCollection AddVartaPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.Configure<Identity.TokenOptions>(configuration.GetSection("Auth"));
        services.Configure<SignInPolicy>(configuration.GetSection("SignIn"));
        services.Configure<ApiOptions>(configuration.GetSection("Api"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        AddPersistence(services, configuration);
        AddIdentity(services);
        AddHttp(services);

        services.AddSingleton<ITextCatalog, PlatformTexts>();
        services.AddSingleton<Loc>();
        services.AddSingleton<OrgDirectory>();
        services.AddSingleton<Access>();
        services.AddSingleton<IAuthorizationHandler, ScopedRequirementHandler>();
        services.AddSingleton<AuditChain>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<CheckpointSigner>();
        services.AddHostedService<CheckpointService>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<PeopleDirectory>();
        services.AddSingleton<PendingSignIn>();
        services.AddSingleton<IDemoSeeder, PlatformDemoSeeder>();

        services.AddSingleton(new NavItem("/", "nav.home", "nav.home.about", "⌂", 0));
        services.AddSingleton(new NavItem("/admin/users", "nav.users", "nav.users.about", "👥", 900, Roles.Administrator));
        services.AddSingleton(new NavItem("/admin/audit", "nav.audit", "nav.audit.about", "🔗", 910, Roles.Administrator));
        services.AddSingleton(new NavItem("/account/security", "nav.security", "nav.security.about", "🔐", 990));

        services.AddHealthChecks().AddDbContextCheck<VartaDbContext>("database", tags: ["ready"]);
        services.AddOpenTelemetry()
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(VartaTelemetry.Name))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource(VartaTelemetry.Name));
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddOtlpExporter());
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddOtlpExporter());
        }

        _ = environment;
        return services;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<SqlitePragmaInterceptor>();
        services.AddScoped<ICurrentActor, CurrentActor>();
        services.AddSingleton<StampingInterceptor>();

        // Options are built once (singleton), not per scope: every interceptor is a singleton.
        services.AddDbContext<VartaDbContext>((sp, options) =>
        {
            if (database.IsPostgres)
            {
                options.UseNpgsql(database.ConnectionString, o => o.MigrationsAssembly("Varta.Migrations.Postgres"));
            }
            else
            {
                options.UseSqlite(database.ConnectionString, o => o.MigrationsAssembly("Varta.Migrations.Sqlite"));
                options.AddInterceptors(sp.GetRequiredService<SqlitePragmaInterceptor>());
            }

            options.AddInterceptors(sp.GetRequiredService<StampingInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
    }

    private static void AddIdentity(IServiceCollection services)
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
            .AddEntityFrameworkStores<VartaDbContext>();
        services.AddScoped<SignInService>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<PrincipalValidator>();

        services.AddAuthentication(SelectScheme)
            .AddPolicyScheme(SelectScheme, SelectScheme, o =>
                // The API takes bearer tokens only, so a browser cookie can never be replayed against it (no CSRF);
                // pages take the cookie.
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api") || IsBearerHubCall(ctx.Request) ? BearerScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
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
                        await ctx.HttpContext.SignOutAsync(CookieScheme);
                    }
                };
            })
            .AddJwtBearer(BearerScheme, o =>
            {
                o.MapInboundClaims = false;
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
        services.AddOptions<JwtBearerOptions>(BearerScheme)
            .Configure<TokenService>((o, tokens) => o.TokenValidationParameters = tokens.ValidationParameters());
        services.AddAuthorization(o =>
        {
            // Anything that forgets to say who may use it is closed, not open.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        PlatformPolicies.Add(services.AddAuthorizationBuilder());
        foreach (var role in Roles.All)
        {
            services.AddAuthorizationBuilder().AddPolicy(Policies.Role(role), p => p.RequireVartaRole(role));
        }
        services.AddCascadingAuthenticationState();
    }

    private static bool IsBearerHubCall(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs")
        && (request.Query.ContainsKey("access_token") || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase));

    private static void AddHttp(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddSingleton<Problems>();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problems = ctx.HttpContext.RequestServices.GetRequiredService<Problems>();
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null || ctx.ProblemDetails.Title == ReasonPhrase(status))
            {
                ctx.ProblemDetails.Title = problems.Title(status);
            }

            ctx.ProblemDetails.Extensions.Remove("traceId");
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture(Loc.Ukrainian).AddSupportedCultures(Loc.Cultures).AddSupportedUICultures(Loc.Cultures);
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Varta API";
            doc.Info.Description = "Custody records, alarms and threat management for Ukraine's justice sector. " +
                "Authenticate with POST /api/v1/auth/token and send 'Authorization: Bearer <accessToken>'.";
            return Task.CompletedTask;
        }));
    }

    private static string? ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    /// <summary>
    /// Middleware in order: language first (error pages written on the way out must see it), errors, body
    /// limit, authentication, authorization.
    /// </summary>
    public static void UseVartaPlatform(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    public static RouteGroupBuilder MapVartaPlatform(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        AuthEndpoints.Map(api);
        AuditEndpoints.Map(api);
        OrgEndpoints.Map(api);
        UserEndpoints.Map(api);

        // Health and the API description are public by design (load balancers, client generators). Reviewed opt-outs.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        AccountEndpoints.Map(app);
        return api;
    }

    /// <summary>Creates the database, applies migrations, loads the organisation tree and seeds the demo when asked.</summary>
    public static async Task InitializeVartaAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var configuration = app.Configuration;
        var seedDemo = configuration.GetValue("Demo:Seed", app.Environment.IsDevelopment());
        if (seedDemo && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Refusing to seed demo accounts in Production. Set Demo__Seed=false.");
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<VartaDbContext>();
            if (db.Database.IsSqlite())
            {
                var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
                var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }
            }

            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (seedDemo)
        {
            foreach (var seeder in app.Services.GetServices<IDemoSeeder>())
            {
                await using var scope = app.Services.CreateAsyncScope();
                await seeder.SeedAsync(scope.ServiceProvider, cancellationToken);
            }
        }

        await app.Services.GetRequiredService<OrgDirectory>().ReloadAsync(cancellationToken);
    }

    internal static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}

using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
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

    public static IServiceCollection AddVartaPlatform(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<DatabaseOptions>(configuration.GetSection("Database"));
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.Configure<Identity.TokenOptions>(configuration.GetSection("Auth"));
        services.Configure<SignInPolicy>(configuration.GetSection("SignIn"));
        services.Configure<RevocationOptions>(configuration.GetSection("Auth"));
        services.Configure<ApiOptions>(configuration.GetSection("Api"));
        services.Configure<PublicLimits>(configuration.GetSection("PublicLimits"));

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();

        services.AddVartaPersistence(configuration);
        services.AddVartaIdentity();
        services.AddVartaHttp();
        services.AddVartaForwardedHeaders(configuration);

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
        services.AddScoped<AuditReader>();
        services.AddScoped<AuditAnchors>();
        services.AddScoped<IAuditAnchors>(sp => sp.GetRequiredService<AuditAnchors>());
        services.AddScoped<IAuditViews>(sp => sp.GetRequiredService<AuditAnchors>());
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

    /// <summary>
    /// Middleware in order: forwarded headers from trusted proxies, HSTS, security headers, language (error pages
    /// written on the way out must see it), errors, body limit, authentication, authorization.
    /// </summary>
    public static void UseVartaPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: what follows must see the client's scheme and address, not the proxy's
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // sent on HTTPS requests only, including those a trusted proxy says were HTTPS
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
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

    internal static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());
}

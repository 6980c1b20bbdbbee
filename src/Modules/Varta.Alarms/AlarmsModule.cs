using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Console;
using Varta.Alarms.Data;
using Varta.Alarms.Devices;
using Varta.Alarms.Processing;
using Varta.Alarms.Signals;
using Varta.Platform.Demo;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Navigation;
using Varta.Platform.Persistence;

namespace Varta.Alarms;

/// <summary>Duress and technical-security alarms: from a button press to every console, stored first, never lost.</summary>
public static class AlarmsModule
{
    /// <summary>For design-time tools (migrations) that build the model without the host.</summary>
    public static IModelContributor Model { get; } = new AlarmsModel();

    public static IServiceCollection AddAlarms(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AlarmsOptions>(configuration.GetSection("Alarms"));
        var options = configuration.GetSection("Alarms").Get<AlarmsOptions>() ?? new AlarmsOptions();
        services.AddSingleton(Model);
        services.AddSingleton<ITextCatalog, AlarmsTexts>();
        // Pushes leave out null properties: a third of an alarm's are null until it is handled, and every byte goes to every console.
        // Consoles choose JSON (browsers' default) or the binary MessagePack protocol, about half the bytes and cheaper to read.
        var signalR = services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)
            .AddMessagePackProtocol();
        if (configuration["Alarms:Redis"] is { Length: > 0 } redis)
        {
            // Several hosts behind a load balancer: a push on one reaches consoles connected to any other.
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("varta"));
        }
        services.AddSingleton<AlarmNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmNotifier>());
        services.AddScoped<AlarmWriter>();
        services.AddScoped<SignalHandler>();
        services.AddSingleton<SignalGroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalGroupCommit>());
        services.AddScoped<PhoneDevices>();
        services.AddScoped<Medical.MedicalProfiles>();
        services.AddScoped<Reports.AlarmReports>();
        services.AddScoped<Arming.ArmingRules>();
        services.AddScoped<ConsoleHandler>();
        services.AddScoped<Responders>();
        services.AddScoped<DeviceAdmin>();
        services.AddScoped<Dc09KeyRotation>();
        services.AddSingleton<Dc09Keys>();
        services.AddScoped<Duty.DutyRoster>();
        services.AddScoped<AlarmWatchScan>();
        services.AddSingleton<AlarmWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmWatch>());
        services.AddSingleton<Dc09Ingest>();
        services.AddHostedService(sp => sp.GetRequiredService<Dc09Ingest>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthenticationHandler.SchemeName, null);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(AlarmsEndpoints.DeviceRateLimit, ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.FindFirst(DeviceAuthenticationHandler.DeviceClaim)?.Value ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.SignalsPerSecondPerDevice * 2,
                    TokensPerPeriod = options.SignalsPerSecondPerDevice,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<Problems>();
                await problems.Status(StatusCodes.Status429TooManyRequests, "alarms.problem.rate-limited").ExecuteAsync(ctx.HttpContext);
            };
        });
        services.AddSingleton<IDemoSeeder, AlarmsDemoSeeder>();
        services.AddSingleton(new NavItem("/alarms/console", "alarms.nav.console", "alarms.nav.console.about", "🚨", 200, AlarmHub.ConsoleRoles));
        services.AddSingleton(new NavItem("/alarms/my-dispatches", "alarms.nav.mine", "alarms.nav.mine.about", "", 205, Roles.SecurityOfficer));
        services.AddSingleton(new NavItem("/alarms/duty", "alarms.nav.duty", "alarms.nav.duty.about", "🗓", 202, Duty.DutyRoster.Writers));
        services.AddSingleton(new NavItem("/alarms/devices", "alarms.nav.devices", "alarms.nav.devices.about", "📟", 230, Roles.Administrator));
        services.AddSingleton(new NavItem("/alarms/arming", "alarms.nav.arming", "alarms.nav.arming.about", "🔒", 232, DeviceAdmin.Viewers));
        services.AddSingleton(new NavItem("/alarms/reports", "alarms.nav.reports", "alarms.nav.reports.about", "📊", 235, DeviceAdmin.Viewers));
        services.AddSingleton(new NavItem("/alarms/medical", "alarms.nav.medical", "alarms.nav.medical.about", "🩺", 220, Roles.Judge, Roles.CourtStaff));
        services.AddSingleton(new NavItem("/alarms/duress", "alarms.nav.duress", "alarms.nav.duress.about", "🆘", 210, Roles.Judge, Roles.CourtStaff));
        return services;
    }

    public static IEndpointRouteBuilder MapAlarms(this IEndpointRouteBuilder app)
    {
        AlarmsEndpoints.Map(app);
        return app;
    }
}

using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.AcknowledgeAlarm;
using Varta.Alarms.AddDevice;
using Varta.Alarms.AddNote;
using Varta.Alarms.AddZone;
using Varta.Alarms.Arming;
using Varta.Alarms.CancelShift;
using Varta.Alarms.Console;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Alarms.DispatchAlarm;
using Varta.Alarms.Duress;
using Varta.Alarms.DutyRoster;
using Varta.Alarms.EventStream;
using Varta.Alarms.Feed;
using Varta.Alarms.GetAlarm;
using Varta.Alarms.History;
using Varta.Alarms.ListDevices;
using Varta.Alarms.ListDuty;
using Varta.Alarms.ListSites;
using Varta.Alarms.MyDispatches;
using Varta.Alarms.MyMedicalProfile;
using Varta.Alarms.OpenAlarms;
using Varta.Alarms.PlanShift;
using Varta.Alarms.ReceiveDc09;
using Varta.Alarms.Reports;
using Varta.Alarms.ResolveAlarm;
using Varta.Alarms.ResponderMedicalProfile;
using Varta.Alarms.Responders;
using Varta.Alarms.SendSignal;
using Varta.Alarms.SetDc09Key;
using Varta.Alarms.Supervision;
using Varta.Platform.Demo;
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
        services.AddSingleton<AlarmStreams>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmNotifier>());
        services.AddScoped<AlarmWriter>();
        services.AddScoped<Contracts.IAlarmHistory, AlarmHistory>();
        services.AddScoped<Contracts.IAlarmDevices, AlarmDevices>();
        services.AddScoped<SignalHandler>();
        services.AddSingleton<SignalGroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<SignalGroupCommit>());
        services.AddScoped<ArmingRules>();
        services.AddScoped<GetArmingHandler>();
        services.AddScoped<SetArmingHandler>();
        services.AddScoped<PhoneDevices>();
        services.AddScoped<DuressPressHandler>();
        services.AddScoped<DuressAlarmStatus>();
        services.AddScoped<MyMedicalProfileHandler>();
        services.AddScoped<ResponderMedicalProfileHandler>();
        services.AddScoped<StatsQuery>();
        services.AddScoped<UntestedButtonsQuery>();
        services.AddScoped<ConsoleAlarms>();
        services.AddScoped<ConsoleTimelines>();
        services.AddScoped<OpenAlarmsHandler>();
        services.AddScoped<FeedHandler>();
        services.AddScoped<GetAlarmHandler>();
        services.AddScoped<AcknowledgeAlarmHandler>();
        services.AddScoped<DispatchAlarmHandler>();
        services.AddScoped<ResolveAlarmHandler>();
        services.AddScoped<AddNoteHandler>();
        services.AddScoped<RespondersHandler>();
        services.AddScoped<MyDispatchesHandler>();
        services.AddScoped<ListSitesHandler>();
        services.AddScoped<ListDevicesHandler>();
        services.AddScoped<AddZoneHandler>();
        services.AddScoped<AddDeviceHandler>();
        services.AddScoped<SetDc09KeyHandler>();
        services.AddSingleton<Dc09Keys>();
        services.AddScoped<DutyRosterRules>();
        services.AddScoped<ListDutyHandler>();
        services.AddScoped<PlanShiftHandler>();
        services.AddScoped<CancelShiftHandler>();
        services.AddScoped<AlarmWatchScan>();
        services.AddSingleton<AlarmWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<AlarmWatch>());
        services.AddSingleton<Dc09Ingest>();
        services.AddHostedService(sp => sp.GetRequiredService<Dc09Ingest>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthenticationHandler.SchemeName, null);
        services.AddOperations(AlarmsPolicies.Add);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SendSignalEndpoint.DeviceRateLimit, ctx => RateLimitPartition.GetTokenBucketLimiter(
                ctx.User.FindFirst(DeviceAuthenticationHandler.DeviceClaim)?.Value ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.SignalsPerSecondPerDevice * 2,
                    TokensPerPeriod = options.SignalsPerSecondPerDevice,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        services.AddSingleton<IDemoSeeder, AlarmsDemoSeeder>();
        services.AddSingleton(new NavItem("/alarms/console", "alarms.nav.console", "alarms.nav.console.about", "🚨", 200, AlarmsPolicies.ConsoleStaff));
        services.AddSingleton(new NavItem("/alarms/my-dispatches", "alarms.nav.mine", "alarms.nav.mine.about", "", 205, AlarmsPolicies.Responders));
        services.AddSingleton(new NavItem("/alarms/duty", "alarms.nav.duty", "alarms.nav.duty.about", "🗓", 202, AlarmsPolicies.DutyPlanners));
        services.AddSingleton(new NavItem("/alarms/devices", "alarms.nav.devices", "alarms.nav.devices.about", "📟", 230, AlarmsPolicies.Administrators));
        services.AddSingleton(new NavItem("/alarms/arming", "alarms.nav.arming", "alarms.nav.arming.about", "🔒", 232, AlarmsPolicies.Viewers));
        services.AddSingleton(new NavItem("/alarms/reports", "alarms.nav.reports", "alarms.nav.reports.about", "📊", 235, AlarmsPolicies.Viewers));
        services.AddSingleton(new NavItem("/alarms/medical", "alarms.nav.medical", "alarms.nav.medical.about", "🩺", 220, AlarmsPolicies.PhoneOwners));
        services.AddSingleton(new NavItem("/alarms/duress", "alarms.nav.duress", "alarms.nav.duress.about", "🆘", 210, AlarmsPolicies.PhoneOwners));
        return services;
    }

    public static IEndpointRouteBuilder MapAlarms(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/alarms").WithTags("Alarms");
        SendSignalEndpoint.Map(api);
        ListSitesEndpoint.Map(api);
        ListDevicesEndpoint.Map(api);
        AddZoneEndpoint.Map(api);
        AddDeviceEndpoint.Map(api);
        SetDc09KeyEndpoint.Map(api);
        ListDutyEndpoint.Map(api);
        PlanShiftEndpoint.Map(api);
        CancelShiftEndpoint.Map(api);
        StatsEndpoint.Map(api);
        UntestedButtonsEndpoint.Map(api);
        ArmingEndpoint.Map(api);
        MyMedicalProfileEndpoint.Map(api);
        OpenAlarmsEndpoint.Map(api);
        FeedEndpoint.Map(api);
        StreamEndpoint.Map(api);
        RespondersEndpoint.Map(api);
        MyDispatchesEndpoint.Map(api);
        GetAlarmEndpoint.Map(api);
        AcknowledgeAlarmEndpoint.Map(api);
        DispatchAlarmEndpoint.Map(api);
        ResolveAlarmEndpoint.Map(api);
        ResponderMedicalProfileEndpoint.Map(api);
        AddNoteEndpoint.Map(api);
        DuressEndpoint.Map(app);
        PressEndpoint.Map(app);
        AlarmHubEndpoint.Map(app);
        return app;
    }
}

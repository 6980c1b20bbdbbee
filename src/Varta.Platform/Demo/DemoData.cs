namespace Varta.Platform.Demo;

/// <summary>Invented demo organisation and accounts (Development only). No real people.</summary>
public static class DemoData
{
    public const string Password = "Varta-Demo-2026!";

    public static readonly Guid Country = new("00000000-0000-4000-8000-000000000001");
    public static readonly Guid KyivRegion = new("00000000-0000-4000-8000-000000000010");
    public static readonly Guid KyivPolice = new("00000000-0000-4000-8000-000000000011");
    public static readonly Guid DetentionFacility1 = new("00000000-0000-4000-8000-000000000012");
    public static readonly Guid KyivCourtSecurity = new("00000000-0000-4000-8000-000000000013");
    public static readonly Guid ShevchenkivskyiCourt = new("00000000-0000-4000-8000-000000000014");
    public static readonly Guid LvivRegion = new("00000000-0000-4000-8000-000000000020");
    public static readonly Guid LvivPolice = new("00000000-0000-4000-8000-000000000021");
    public static readonly Guid LvivFacility = new("00000000-0000-4000-8000-000000000022");

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", "Демо Адміністратор", "Demo Administrator", Identity.Roles.Administrator, Country),
        new("custody.officer", "Демо Черговий ІТТ", "Demo Custody Officer", Identity.Roles.CustodyOfficer, DetentionFacility1),
        new("rights.inspector", "Демо Інспектор з прав людини", "Demo Rights Inspector", Identity.Roles.RightsInspector, KyivRegion),
        new("external.monitor", "Демо Зовнішній монітор", "Demo External Monitor", Identity.Roles.ExternalMonitor, DetentionFacility1),
        new("dispatcher", "Демо Диспетчер", "Demo Dispatcher", Identity.Roles.Dispatcher, KyivCourtSecurity),
        new("security.officer", "Демо Співробітник охорони", "Demo Security Officer", Identity.Roles.SecurityOfficer, ShevchenkivskyiCourt),
        new("threat.analyst", "Демо Аналітик загроз", "Demo Threat Analyst", Identity.Roles.ThreatAnalyst, KyivCourtSecurity),
        new("judge", "Демо Суддя", "Demo Judge", Identity.Roles.Judge, ShevchenkivskyiCourt),
        new("trainer", "Демо Тренер", "Demo Trainer", Identity.Roles.Trainer, Country),
        new("community.coordinator", "Демо Координатор безпеки громад", "Demo Community Coordinator", Identity.Roles.CommunityCoordinator, KyivRegion),
    ];
}

public sealed record DemoAccount(string Username, string DisplayName, string DisplayNameEn, string Role, Guid Scope);

/// <summary>A module's demo data, run after the platform's (Development only).</summary>
public interface IDemoSeeder
{
    Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken);
}

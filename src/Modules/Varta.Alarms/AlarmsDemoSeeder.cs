using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Platform.Demo;
using Varta.Platform.Persistence;

namespace Varta.Alarms;

/// <summary>Demo zones and devices of the Shevchenkivskyi court building (Development only).</summary>
internal sealed class AlarmsDemoSeeder : IDemoSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VartaDbContext>();
        if (await db.Set<Zone>().AnyAsync(cancellationToken))
        {
            return;
        }

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var site = DemoData.ShevchenkivskyiCourt;
        Zone Z(string name, string nameEn, int floor, string kind) => new() { Id = Guid.NewGuid(), SiteId = site, Name = name, NameEn = nameEn, Floor = floor, Kind = kind };
        var entrance = Z("Центральний вхід", "Main entrance", 1, "entrance");
        var courtroom1 = Z("Зал судових засідань №1", "Courtroom 1", 2, "courtroom");
        var courtroom2 = Z("Зал судових засідань №2", "Courtroom 2", 2, "courtroom");
        var office = Z("Кабінет судді 305", "Judge's office 305", 3, "judge-office");
        var corridor = Z("Коридор 2-го поверху", "Second-floor corridor", 2, "corridor");
        var holding = Z("Камери для тримання", "Holding cells", 0, "holding-cells");
        db.Set<Zone>().AddRange(entrance, courtroom1, courtroom2, office, corridor, holding);
        Device D(string name, string kind, Zone zone, string? account = null) => new()
        {
            Id = Guid.NewGuid(), SiteId = site, ZoneId = zone.Id, Kind = kind, Name = name, AccountNumber = account,
            SecretHash = DeviceAuthenticationHandler.HashSecret(DeviceAuthenticationHandler.NewSecret()),
            // Demo devices report once a day so the demo is not a wall of "offline" alarms.
            HeartbeatSeconds = 86_400, LastSeenAt = now, SilentAfter = now.AddSeconds(86_400),
        };
        db.Set<Device>().AddRange(
            D("Кнопка зал №1", "courtroom-button", courtroom1),
            D("Кнопка зал №2", "courtroom-button", courtroom2),
            D("Кнопка кабінет 305", "fixed-button", office),
            D("Охоронна панель", "intrusion-panel", entrance, "1234"));
        await db.SaveChangesAsync(cancellationToken);
    }
}

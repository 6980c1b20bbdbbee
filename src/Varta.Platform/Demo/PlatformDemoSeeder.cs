using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Platform.Demo;

internal sealed class PlatformDemoSeeder : IDemoSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VartaDbContext>();
        var users = services.GetRequiredService<UserManager<VartaUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        if (await db.OrgUnits.AnyAsync(u => u.Id == DemoData.Country, cancellationToken))
        {
            return;
        }

        db.OrgUnits.AddRange(
            Unit(DemoData.Country, null, OrgUnitKind.Country, null, "Україна", "Ukraine", "UA"),
            Unit(DemoData.KyivRegion, DemoData.Country, OrgUnitKind.Region, null, "Київ", "Kyiv", "UA-KYIV"),
            Unit(DemoData.KyivPolice, DemoData.KyivRegion, OrgUnitKind.Unit, null, "ГУНП у м. Києві", "Main Police Directorate in Kyiv", "NP-KYIV"),
            Unit(DemoData.DetentionFacility1, DemoData.KyivPolice, OrgUnitKind.Site, SiteKinds.DetentionFacility, "ІТТ №1", "Temporary detention facility No. 1", "ITT-KYIV-1"),
            Unit(DemoData.KyivCourtSecurity, DemoData.KyivRegion, OrgUnitKind.Unit, null, "ТУ Служби судової охорони у м. Києві", "Court Security Service, Kyiv unit", "SSO-KYIV"),
            Unit(DemoData.ShevchenkivskyiCourt, DemoData.KyivCourtSecurity, OrgUnitKind.Site, SiteKinds.CourtBuilding, "Шевченківський районний суд м. Києва", "Shevchenkivskyi District Court of Kyiv", "COURT-KYIV-SHEV"),
            Unit(DemoData.LvivRegion, DemoData.Country, OrgUnitKind.Region, null, "Львівська область", "Lviv region", "UA-LVIV"),
            Unit(DemoData.LvivPolice, DemoData.LvivRegion, OrgUnitKind.Unit, null, "ГУНП у Львівській області", "Main Police Directorate in Lviv region", "NP-LVIV"),
            Unit(DemoData.LvivFacility, DemoData.LvivPolice, OrgUnitKind.Site, SiteKinds.DetentionFacility, "ІТТ м. Львова", "Lviv temporary detention facility", "ITT-LVIV-1"));
        services.GetRequiredService<IAuditLog>().Record(new AuditRecord
        {
            Action = "demo.seeded",
            Category = AuditCategory.Admin,
            ActorId = "system",
            ActorName = "system",
        });
        await db.SaveChangesAsync(cancellationToken);

        foreach (var account in DemoData.Accounts)
        {
            var user = new VartaUser
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                UserName = account.Username,
                DisplayName = account.DisplayName,
                LockoutEnabled = true,
                TwoFactorExempt = true,
            };
            var result = await users.CreateAsync(user, DemoData.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {account.Username}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            db.RoleAssignments.Add(new RoleAssignment { Id = Guid.NewGuid(), UserId = user.Id, Role = account.Role, ScopeId = account.Scope });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static OrgUnit Unit(Guid id, Guid? parent, OrgUnitKind kind, string? siteKind, string name, string nameEn, string code) =>
        new() { Id = id, ParentId = parent, Kind = kind, SiteKind = siteKind, Name = name, NameEn = nameEn, Code = code };
}

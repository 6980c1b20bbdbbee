using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Varta.Custody.BookIn;
using Varta.Custody.Data;
using Varta.Platform.Demo;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody;

/// <summary>Demo cells (ІТТ №1 has 12) and three invented detainees, so the board is not empty (Development only).</summary>
internal sealed class CustodyDemoSeeder : IDemoSeeder
{
    public async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<VartaDbContext>();
        if (await db.Set<Cell>().AnyAsync(cancellationToken))
        {
            return;
        }

        for (var n = 1; n <= 12; n++)
        {
            db.Set<Cell>().Add(new Cell
            {
                Id = Guid.NewGuid(),
                FacilityId = DemoData.DetentionFacility1,
                Number = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Capacity = n <= 4 ? 1 : n <= 10 ? 2 : 4,
                FloorArea = n <= 4 ? 6m : n <= 10 ? 9m : 16m,
                HasWindow = true,
                HasVentilation = true,
                HasToilet = true,
                HasCallButton = n != 12,
                CameraIds = $"ITT1-CAM-{n:D2}",
            });
        }

        // The registry of ІТТ №1's cameras: one per cell, reception, a corridor, and the lawyers' room (no sound, ever).
        for (var n = 1; n <= 12; n++)
        {
            db.Set<Camera>().Add(new Camera
            {
                Id = Guid.NewGuid(), FacilityId = DemoData.DetentionFacility1, Code = $"ITT1-CAM-{n:D2}",
                Room = $"Камера №{n}", RoomType = "cell",
            });
        }

        db.Set<Camera>().AddRange(
            new Camera { Id = Guid.NewGuid(), FacilityId = DemoData.DetentionFacility1, Code = "ITT1-CAM-20", Room = "Черговка, приймання", RoomType = "reception", HasAudio = true },
            new Camera { Id = Guid.NewGuid(), FacilityId = DemoData.DetentionFacility1, Code = "ITT1-CAM-21", Room = "Коридор", RoomType = "corridor" },
            new Camera { Id = Guid.NewGuid(), FacilityId = DemoData.DetentionFacility1, Code = "ITT1-CAM-30", Room = "Кімната побачень із захисником", RoomType = "lawyer-consultation" });

        for (var n = 1; n <= 4; n++)
        {
            db.Set<Cell>().Add(new Cell
            {
                Id = Guid.NewGuid(), FacilityId = DemoData.LvivFacility, Number = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Capacity = 2, FloorArea = 10m, HasWindow = true, HasVentilation = true, HasToilet = true, HasCallButton = true,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<OrgDirectory>().ReloadAsync(cancellationToken);

        var officer = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString()),
            new Claim(ClaimTypes.Name, "demo-seed"),
            new Claim(VartaClaims.RoleAssignment, $"{Roles.CustodyOfficer}|{DemoData.DetentionFacility1}"),
        ], "demo"));
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var handler = services.GetRequiredService<BookInHandler>();
        (string Surname, string Given, string Patronymic, string Born, string Sex, int HoursAgo, string Basis)[] people =
        [
            ("Вигаданий", "Остап", "Петрович", "1988-03-14", "male", 20, "cpc-208"),
            ("Тестова", "Марина", "Іванівна", "1995-07-02", "female", 5, "cpc-208"),
            ("Умовний", "Денис", "Олегович", "2009-01-20", "male", 2, "coao-262"),
        ];
        foreach (var p in people)
        {
            var detained = now.AddHours(-p.HoursAgo);
            await handler.HandleAsync(officer, new BookInRequest(
                DemoData.DetentionFacility1, null,
                new PersonInput(p.Surname, p.Given, p.Patronymic, p.Born, p.Sex, "Україна", null, "українська", false),
                p.Basis, null, null, detained.ToString("O"), "м. Київ, вул. Вигадана, 1", detained.AddMinutes(40).ToString("O"),
                "Демо Поліцейський", null), cancellationToken);
        }
    }
}

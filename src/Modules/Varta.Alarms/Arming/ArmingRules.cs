using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Arming;

internal sealed record ArmingWindow(int Day, string From, string To);

internal sealed record ArmingDto(Guid SiteId, IReadOnlyList<ArmingWindow> Windows, IReadOnlyList<string> Holidays, bool ArmedNow);

internal sealed record ArmingRequest(IReadOnlyList<ArmingWindow>? Windows, IReadOnlyList<string>? Holidays);

/// <summary>
/// Court buildings are guarded by alarm systems at nights, weekends and holidays: intrusion signals raise an
/// alarm only while the building is armed. Without a schedule a building is always armed (the safe default).
/// </summary>
internal sealed class ArmingRules(VartaDbContext db, Access access, OrgDirectory org, IAuditLog audit, TimeProvider clock, Loc loc)
{
    public async Task<bool> IsArmedAsync(Guid siteId, DateTimeOffset at, CancellationToken ct)
    {
        var schedule = await db.Set<ArmingSchedule>().AsNoTracking().FirstOrDefaultAsync(s => s.SiteId == siteId, ct);
        return schedule is null || IsArmed(Parse(schedule.Windows), ParseHolidays(schedule.Holidays), at);
    }

    public static bool IsArmed(IReadOnlyList<ArmingWindow> windows, IReadOnlyList<string> holidays, DateTimeOffset at)
    {
        var local = KyivTime.ToKyiv(at);
        if (holidays.Contains(local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        {
            return true;
        }

        var minute = TimeOnly.FromDateTime(local.DateTime);
        var today = (int)local.DayOfWeek;
        var yesterday = (today + 6) % 7;
        foreach (var w in windows)
        {
            var from = TimeOnly.ParseExact(w.From, "HH:mm", CultureInfo.InvariantCulture);
            var to = TimeOnly.ParseExact(w.To, "HH:mm", CultureInfo.InvariantCulture);
            var overnight = to <= from;
            if (w.Day == today && (overnight ? minute >= from : minute >= from && minute < to))
            {
                return true;
            }

            if (overnight && w.Day == yesterday && minute < to)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<Outcome<ArmingDto>> GetAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, Devices.DeviceAdmin.Viewers))
        {
            return Outcome<ArmingDto>.NotFound();
        }

        var s = await db.Set<ArmingSchedule>().AsNoTracking().FirstOrDefaultAsync(x => x.SiteId == siteId, ct);
        var windows = s is null ? [] : Parse(s.Windows);
        var holidays = s is null ? [] : ParseHolidays(s.Holidays);
        return Outcome<ArmingDto>.Ok(new ArmingDto(siteId, windows, holidays, s is null || IsArmed(windows, holidays, clock.GetUtcNow())));
    }

    public async Task<Outcome<ArmingDto>> SetAsync(ClaimsPrincipal user, Guid siteId, ArmingRequest r, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, Roles.Administrator))
        {
            return Outcome<ArmingDto>.NotFound();
        }

        var v = new Validator(loc);
        var windows = r.Windows ?? [];
        var holidays = r.Holidays ?? [];
        if (windows.Count > 50)
        {
            v.Fail("windows", "max-items", 50);
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Day is < 0 or > 6)
            {
                v.Fail($"windows[{i}].day", "range", 0, 6);
            }

            if (!TimeOnly.TryParseExact(windows[i].From, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"windows[{i}].from", "time-required");
            }

            if (!TimeOnly.TryParseExact(windows[i].To, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"windows[{i}].to", "time-required");
            }
        }

        if (holidays.Count > 400)
        {
            v.Fail("holidays", "max-items", 400);
        }

        for (var i = 0; i < holidays.Count; i++)
        {
            if (!DateOnly.TryParseExact(holidays[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                v.Fail($"holidays[{i}]", "date-required");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<ArmingDto>.Invalid(v);
        }

        var schedule = await db.Set<ArmingSchedule>().FirstOrDefaultAsync(x => x.SiteId == siteId, ct);
        if (schedule is null)
        {
            schedule = new ArmingSchedule { SiteId = siteId };
            db.Set<ArmingSchedule>().Add(schedule);
        }

        schedule.Windows = JsonSerializer.Serialize(windows);
        schedule.Holidays = JsonSerializer.Serialize(holidays);
        schedule.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(new AuditRecord { Action = "alarms.arming.set", Category = AuditCategory.Admin, ResourceType = "alarm-site", ResourceId = siteId.ToString(), OrgUnitId = siteId, Details = schedule.Windows });
        await db.SaveChangesAsync(ct);
        return Outcome<ArmingDto>.Ok(new ArmingDto(siteId, windows, holidays, IsArmed(windows, holidays, clock.GetUtcNow())));
    }

    private static List<ArmingWindow> Parse(string json) => JsonSerializer.Deserialize<List<ArmingWindow>>(json, Web) ?? [];

    private static List<string> ParseHolidays(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

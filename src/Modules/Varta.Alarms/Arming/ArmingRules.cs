using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Arming;

/// <summary>
/// Court buildings are guarded by alarm systems at nights, weekends and holidays: intrusion signals raise an
/// alarm only while the building is armed. Without a schedule a building is always armed (the safe default).
/// </summary>
internal sealed class ArmingRules(VartaDbContext db)
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

    public static List<ArmingWindow> Parse(string json) => JsonSerializer.Deserialize<List<ArmingWindow>>(json, Web) ?? [];

    public static List<string> ParseHolidays(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}

using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.DutyRoster;

internal sealed record DutyShiftDto(Guid Id, Guid SiteId, Guid UserId, string Username, string DisplayName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, string? CancelledBy, string? CancelReason, bool OnDutyNow);

/// <summary>
/// Who of a court building's security officers is on duty when: the rules listing, planning and cancelling share.
/// Only the building's security officers may be on its roster, and a shift is never deleted.
/// </summary>
internal sealed class DutyRosterRules(VartaDbContext db, OrgDirectory org, PeopleDirectory people, TimeProvider clock)
{
    public bool IsSite(Guid siteId) => org.Current.Find(siteId)?.SiteKind == SiteKinds.CourtBuilding;

    /// <summary>The building's security officers, who alone may be put on its roster.</summary>
    public async Task<Dictionary<Guid, PersonRef>> NamesAsync(Guid siteId, CancellationToken ct) =>
        (await people.WithRoleOverAsync(Roles.SecurityOfficer, siteId, ct)).ToDictionary(p => p.UserId);

    /// <summary>Who is on duty at the building now, and until when.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> OnDutyAsync(Guid siteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shifts = await db.Set<DutyShift>().AsNoTracking()
            .Where(x => x.SiteId == siteId && x.CancelledAt == null && x.StartsAt <= now && x.EndsAt > now)
            .Select(x => new { x.UserId, x.EndsAt }).ToListAsync(ct);
        return shifts.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => AlarmWriter.Utc(g.Max(x => x.EndsAt)));
    }

    public DutyShiftDto ToDto(DutyShift x, Dictionary<Guid, PersonRef> names)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = names.GetValueOrDefault(x.UserId);
        return new DutyShiftDto(x.Id, x.SiteId, x.UserId, person?.Username ?? "", person?.DisplayName ?? x.UserId.ToString(), AlarmWriter.Utc(x.StartsAt), AlarmWriter.Utc(x.EndsAt),
            x.CreatedBy, AlarmWriter.Utc(x.CreatedAt), x.CancelledAt is { } c ? AlarmWriter.Utc(c) : null, x.CancelledBy, x.CancelReason,
            x.CancelledAt is null && x.StartsAt <= now && x.EndsAt > now);
    }

    /// <summary>Monday 00:00 in Kyiv of the week holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset instant)
    {
        var kyiv = KyivTime.ToKyiv(instant);
        var monday = DateTime.SpecifyKind(kyiv.Date.AddDays(-(((int)kyiv.DayOfWeek + 6) % 7)), DateTimeKind.Unspecified);
        return KyivTime.ToKyiv(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(monday, KyivTime.Zone)));
    }

    /// <summary>Instants carry their offset ("2026-11-26T08:00:00+02:00" or "…Z") and lie within ten years of now.</summary>
    public static DateTimeOffset Instant(Validator v, string field, string? text, DateTimeOffset now) => v.Instant(field, text, now) ?? default;
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.Processing;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Duty;

/// <summary>Instants carry their offset ("2026-11-26T08:00:00+02:00" or "…Z").</summary>
internal sealed record DutyShiftRequest(Guid? UserId, string? StartsAt, string? EndsAt);

internal sealed record DutyCancelRequest(string? Reason);

internal sealed record DutyShiftDto(Guid Id, Guid SiteId, Guid UserId, string Username, string DisplayName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? CancelledAt, string? CancelledBy, string? CancelReason, bool OnDutyNow);

internal sealed record DutyRosterDto(Guid SiteId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DutyShiftDto> Shifts);

/// <summary>
/// Who of a court building's security officers is on duty when. Console roles of the building read the roster;
/// its dispatchers and unit heads, and administrators, plan and cancel shifts. A shift is never deleted.
/// </summary>
internal sealed class DutyRoster(VartaDbContext db, Access access, OrgDirectory org, PeopleDirectory people, IAuditLog audit, TimeProvider clock, Loc loc)
{
    /// <summary>Planning on this host takes turns between the overlap check and the insert.</summary>
    private static readonly SemaphoreSlim PlanningGate = new(1, 1);

    public static readonly string[] Readers = [Roles.Dispatcher, Roles.SecurityOfficer, Roles.UnitHead, Roles.Administrator];
    public static readonly string[] Writers = [Roles.Dispatcher, Roles.UnitHead, Roles.Administrator];
    public static readonly TimeSpan MaxShift = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxStartInPast = TimeSpan.FromHours(1);
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public async Task<Outcome<DutyRosterDto>> ListAsync(ClaimsPrincipal user, Guid siteId, string? from, string? to, CancellationToken ct)
    {
        if (!IsSite(siteId) || !access.Allows(user, siteId, Readers))
        {
            return Outcome<DutyRosterDto>.NotFound();
        }

        var v = new Validator(loc);
        var start = from is null ? WeekStart(clock.GetUtcNow()) : Instant(v, "from", from);
        var end = to is null ? start + TimeSpan.FromDays(7) : Instant(v, "to", to);
        if (v.IsValid && (end <= start || end - start > MaxRange))
        {
            v.Fail("to", "duty-range", MaxRange.Days);
        }

        if (!v.IsValid)
        {
            return Outcome<DutyRosterDto>.Invalid(v);
        }

        var (s, e) = (start.UtcDateTime, end.UtcDateTime);
        var shifts = await db.Set<DutyShift>().AsNoTracking()
            .Where(x => x.SiteId == siteId && x.StartsAt < e && x.EndsAt > s)
            .OrderBy(x => x.StartsAt).ThenBy(x => x.EndsAt).ToListAsync(ct);
        var names = await NamesAsync(siteId, ct);
        return Outcome<DutyRosterDto>.Ok(new DutyRosterDto(siteId, start, end, shifts.Select(x => ToDto(x, names)).ToList()));
    }

    /// <summary>Who may be put on the building's roster, for a reader of it; null when the building is not theirs.</summary>
    public async Task<IReadOnlyList<PersonRef>?> OfficersAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct) =>
        IsSite(siteId) && access.Allows(user, siteId, Readers) ? (await NamesAsync(siteId, ct)).Values.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList() : null;

    /// <summary>Who is on duty at the building now, and until when.</summary>
    public async Task<IReadOnlyDictionary<Guid, DateTimeOffset>> OnDutyAsync(Guid siteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var shifts = await db.Set<DutyShift>().AsNoTracking()
            .Where(x => x.SiteId == siteId && x.CancelledAt == null && x.StartsAt <= now && x.EndsAt > now)
            .Select(x => new { x.UserId, x.EndsAt }).ToListAsync(ct);
        return shifts.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => AlarmWriter.Utc(g.Max(x => x.EndsAt)));
    }

    public async Task<Outcome<DutyShiftDto>> CreateAsync(ClaimsPrincipal user, Guid siteId, DutyShiftRequest r, CancellationToken ct)
    {
        if (!IsSite(siteId) || !access.Allows(user, siteId, Writers))
        {
            return Outcome<DutyShiftDto>.NotFound();
        }

        var v = new Validator(loc).Required("userId", r.UserId);
        var names = await NamesAsync(siteId, ct);
        if (r.UserId is { } userId && !names.ContainsKey(userId))
        {
            v.Fail("userId", "duty-not-security-officer");
        }

        var startsAt = Instant(v, "startsAt", r.StartsAt);
        var endsAt = Instant(v, "endsAt", r.EndsAt);
        var now = clock.GetUtcNow();
        if (startsAt != default && startsAt < now - MaxStartInPast)
        {
            v.Fail("startsAt", "duty-starts-in-past", MaxStartInPast.TotalHours);
        }

        if (startsAt != default && endsAt != default)
        {
            if (endsAt <= startsAt)
            {
                v.Fail("endsAt", "duty-ends-after-start");
            }
            else if (endsAt - startsAt > MaxShift)
            {
                v.Fail("endsAt", "duty-too-long", MaxShift.TotalHours);
            }
        }

        if (!v.IsValid)
        {
            return Outcome<DutyShiftDto>.Invalid(v);
        }

        // One building at a time: overlaps are looked for across every site. The check and the insert take turns,
        // so two planners booking the same officer at once cannot both pass the check: on this host through a lock,
        // and across hosts sharing one PostgreSQL database through a transaction-scoped advisory lock on the officer
        // (on SQLite the database has one writer, and one host).
        await PlanningGate.WaitAsync(ct);
        try
        {
            if (!db.Database.IsNpgsql())
            {
                return await CreateCheckedAsync(r, siteId, startsAt, endsAt, now, names, v, ct);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockOfficerAsync(db, r.UserId!.Value, ct);
            var created = await CreateCheckedAsync(r, siteId, startsAt, endsAt, now, names, v, ct);
            await transaction.CommitAsync(ct);
            return created;
        }
        finally
        {
            PlanningGate.Release();
        }
    }

    /// <summary>"DUTY" and the officer: held until the transaction ends, by whichever host took it.</summary>
    internal static Task LockOfficerAsync(VartaDbContext db, Guid officer, CancellationToken ct)
    {
        var bytes = officer.ToByteArray();
        var key = BitConverter.ToInt32(bytes, 0) ^ BitConverter.ToInt32(bytes, 4) ^ BitConverter.ToInt32(bytes, 8) ^ BitConverter.ToInt32(bytes, 12);
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({0x44555459}, {key})", ct);
    }

    private async Task<Outcome<DutyShiftDto>> CreateCheckedAsync(DutyShiftRequest r, Guid siteId, DateTimeOffset startsAt, DateTimeOffset endsAt,
        DateTimeOffset now, Dictionary<Guid, PersonRef> names, Validator v, CancellationToken ct)
    {
        var (s, e) = (startsAt.UtcDateTime, endsAt.UtcDateTime);
        var overlap = await db.Set<DutyShift>().AsNoTracking()
            .Where(x => x.UserId == r.UserId && x.CancelledAt == null && x.StartsAt < e && x.EndsAt > s)
            .OrderBy(x => x.StartsAt).FirstOrDefaultAsync(ct);
        if (overlap is not null)
        {
            return Outcome<DutyShiftDto>.Invalid(v.Fail("startsAt", "duty-overlap", KyivTime.Format(overlap.StartsAt), KyivTime.Format(overlap.EndsAt)));
        }

        var shift = new DutyShift { Id = Guid.CreateVersion7(now), SiteId = siteId, UserId = r.UserId!.Value, StartsAt = s, EndsAt = e };
        db.Set<DutyShift>().Add(shift);
        audit.Record(new AuditRecord
        {
            Action = "alarms.duty.created",
            Category = AuditCategory.Write,
            ResourceType = "alarm-duty-shift",
            ResourceId = shift.Id.ToString(),
            OrgUnitId = siteId,
            Details = JsonSerializer.Serialize(new { shift.UserId, startsAt, endsAt }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<DutyShiftDto>.Ok(ToDto(shift, names));
    }

    public async Task<Outcome<DutyShiftDto>> CancelAsync(ClaimsPrincipal user, Guid siteId, Guid shiftId, DutyCancelRequest r, CancellationToken ct)
    {
        var shift = await db.Set<DutyShift>().FirstOrDefaultAsync(x => x.Id == shiftId && x.SiteId == siteId, ct);
        if (shift is null || !access.Allows(user, siteId, Writers))
        {
            return Outcome<DutyShiftDto>.NotFound();
        }

        var v = new Validator(loc).Required("reason", r.Reason, 500);
        if (!v.IsValid)
        {
            return Outcome<DutyShiftDto>.Invalid(v);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (shift.CancelledAt is not null)
        {
            return Outcome<DutyShiftDto>.Conflict("alarms.problem.duty-cancelled");
        }

        if (shift.EndsAt <= now)
        {
            return Outcome<DutyShiftDto>.Conflict("alarms.problem.duty-over");
        }

        shift.CancelledAt = now;
        shift.CancelledBy = user.Identity?.Name ?? "?";
        shift.CancelReason = r.Reason!.Trim();
        audit.Record(new AuditRecord
        {
            Action = "alarms.duty.cancelled",
            Category = AuditCategory.Write,
            ResourceType = "alarm-duty-shift",
            ResourceId = shift.Id.ToString(),
            OrgUnitId = siteId,
            Reason = shift.CancelReason,
            Details = JsonSerializer.Serialize(new { shift.UserId }),
        });
        await db.SaveChangesAsync(ct);
        return Outcome<DutyShiftDto>.Ok(ToDto(shift, await NamesAsync(siteId, ct)));
    }

    /// <summary>Monday 00:00 in Kyiv of the week holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset instant)
    {
        var kyiv = KyivTime.ToKyiv(instant);
        var monday = DateTime.SpecifyKind(kyiv.Date.AddDays(-(((int)kyiv.DayOfWeek + 6) % 7)), DateTimeKind.Unspecified);
        return KyivTime.ToKyiv(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(monday, KyivTime.Zone)));
    }

    /// <summary>The building's security officers, who alone may be put on its roster.</summary>
    private async Task<Dictionary<Guid, PersonRef>> NamesAsync(Guid siteId, CancellationToken ct) =>
        (await people.WithRoleOverAsync(Roles.SecurityOfficer, siteId, ct)).ToDictionary(p => p.UserId);

    private bool IsSite(Guid siteId) => org.Current.Find(siteId)?.SiteKind == SiteKinds.CourtBuilding;

    private DutyShiftDto ToDto(DutyShift x, Dictionary<Guid, PersonRef> names)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = names.GetValueOrDefault(x.UserId);
        return new DutyShiftDto(x.Id, x.SiteId, x.UserId, person?.Username ?? "", person?.DisplayName ?? x.UserId.ToString(), AlarmWriter.Utc(x.StartsAt), AlarmWriter.Utc(x.EndsAt),
            x.CreatedBy, AlarmWriter.Utc(x.CreatedAt), x.CancelledAt is { } c ? AlarmWriter.Utc(c) : null, x.CancelledBy, x.CancelReason,
            x.CancelledAt is null && x.StartsAt <= now && x.EndsAt > now);
    }

    private static DateTimeOffset Instant(Validator v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            v.Fail(field, "required");
            return default;
        }

        var t = text.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (t > 0 && (text.IndexOf('+', t) > 0 || text.IndexOf('-', t) > 0));
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            v.Fail(field, "instant-required");
            return default;
        }

        return value;
    }
}

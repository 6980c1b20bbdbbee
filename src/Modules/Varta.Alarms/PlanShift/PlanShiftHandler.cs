using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.DutyRoster;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.PlanShift;

/// <summary>Instants carry their offset ("2026-11-26T08:00:00+02:00" or "…Z").</summary>
internal sealed record DutyShiftRequest(Guid? UserId, string? StartsAt, string? EndsAt);

/// <summary>Puts one of the building's security officers on duty, never on two overlapping shifts anywhere.</summary>
internal sealed class PlanShiftHandler(VartaDbContext db, IAuthorizationService authorization, DutyRosterRules rules, IAuditLog audit, TimeProvider clock, Loc loc)
{
    /// <summary>Planning on this host takes turns between the overlap check and the insert.</summary>
    private static readonly SemaphoreSlim PlanningGate = new(1, 1);

    public static readonly TimeSpan MaxShift = TimeSpan.FromHours(24);
    public static readonly TimeSpan MaxStartInPast = TimeSpan.FromHours(1);

    public async Task<Outcome<DutyShiftDto>> HandleAsync(ClaimsPrincipal user, Guid siteId, DutyShiftRequest r, CancellationToken ct)
    {
        if (!rules.IsSite(siteId) || !await authorization.AllowsAsync(user, AlarmsPolicies.PlanDuty, siteId))
        {
            return Outcome<DutyShiftDto>.NotFound();
        }

        var v = new Validator(loc).Required("userId", r.UserId);
        var names = await rules.NamesAsync(siteId, ct);
        if (r.UserId is { } userId && !names.ContainsKey(userId))
        {
            v.Fail("userId", "duty-not-security-officer");
        }

        var now = clock.GetUtcNow();
        var startsAt = DutyRosterRules.Instant(v, "startsAt", r.StartsAt, now);
        var endsAt = DutyRosterRules.Instant(v, "endsAt", r.EndsAt, now);
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
        return Outcome<DutyShiftDto>.Ok(rules.ToDto(shift, names));
    }
}

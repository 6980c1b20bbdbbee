using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.DutyRoster;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.ListDuty;

internal sealed record DutyRosterDto(Guid SiteId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<DutyShiftDto> Shifts);

/// <summary>A court building's roster between two instants (by default this week in Kyiv), for the console roles of the building.</summary>
internal sealed class ListDutyHandler(VartaDbContext db, IAuthorizationService authorization, DutyRosterRules rules, TimeProvider clock, Loc loc)
{
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public async Task<Outcome<DutyRosterDto>> HandleAsync(ClaimsPrincipal user, Guid siteId, string? from, string? to, CancellationToken ct)
    {
        if (!rules.IsSite(siteId) || !await authorization.AllowsAsync(user, AlarmsPolicies.ReadDuty, siteId))
        {
            return Outcome<DutyRosterDto>.NotFound();
        }

        var v = new Validator(loc);
        var start = from is null ? DutyRosterRules.WeekStart(clock.GetUtcNow()) : DutyRosterRules.Instant(v, "from", from, clock.GetUtcNow());
        var end = to is null ? start + TimeSpan.FromDays(7) : DutyRosterRules.Instant(v, "to", to, clock.GetUtcNow());
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
        var names = await rules.NamesAsync(siteId, ct);
        return Outcome<DutyRosterDto>.Ok(new DutyRosterDto(siteId, start, end, shifts.Select(x => rules.ToDto(x, names)).ToList()));
    }

    /// <summary>Who may be put on the building's roster, for a reader of it; null when the building is not theirs.</summary>
    public async Task<IReadOnlyList<PersonRef>?> OfficersAsync(ClaimsPrincipal user, Guid siteId, CancellationToken ct) =>
        rules.IsSite(siteId) && await authorization.AllowsAsync(user, AlarmsPolicies.ReadDuty, siteId)
            ? (await rules.NamesAsync(siteId, ct)).Values.OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList()
            : null;
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Console;

/// <summary>What the console's reads and actions share: the caller's buildings, alarms as consoles see them, and one change to one alarm.</summary>
internal sealed class ConsoleAlarms(VartaDbContext db, IAuthorizationService authorization, AlarmWriter writer, OrgDirectory org, IAuditLog audit)
{
    /// <summary>
    /// Alarms carry where judges and staff are, so each read request is audited like other personal data: one row per
    /// request (not per alarm), with the building when the request concerned one.
    /// </summary>
    public Task AuditReadAsync(string action, string? resourceId, IReadOnlyCollection<Guid> sites, object details, CancellationToken ct) =>
        audit.AppendAsync(new AuditRecord
        {
            Action = action,
            Category = AuditCategory.Read,
            ResourceType = "alarm",
            ResourceId = resourceId,
            OrgUnitId = sites.Count == 1 ? sites.First() : null,
            Details = JsonSerializer.Serialize(details),
        }, ct);

    /// <summary>The court buildings where <paramref name="user"/> may do <paramref name="policy"/>.</summary>
    public async Task<List<Guid>> SitesAsync(ClaimsPrincipal user, string policy) =>
        (await authorization.SitesAsync(user, policy, org.Current, SiteKinds.CourtBuilding)).Select(s => s.Id).ToList();

    public async Task<IReadOnlyList<AlarmDto>> ToDtosAsync(List<Alarm> alarms, CancellationToken ct)
    {
        var zoneIds = alarms.Where(a => a.ZoneId != null).Select(a => a.ZoneId!.Value).Distinct().ToList();
        var deviceIds = alarms.Where(a => a.DeviceId != null).Select(a => a.DeviceId!.Value).Distinct().ToList();
        var zones = await db.Set<Zone>().AsNoTracking().Where(z => zoneIds.Contains(z.Id)).ToDictionaryAsync(z => z.Id, ct);
        var devices = await db.Set<Device>().AsNoTracking().Where(d => deviceIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var consented = await AlarmWriter.ConsentedAsync(db, alarms, ct);
        return alarms.Select(a => AlarmWriter.ToDto(a, a.ZoneId is { } z ? zones.GetValueOrDefault(z) : null,
            a.DeviceId is { } d ? devices.GetValueOrDefault(d) : null, org, consented)).ToList();
    }

    /// <summary>
    /// Loads the alarm, checks the caller may handle it (else not found), applies <paramref name="change"/> (a problem
    /// key means conflict) and saves it as one feed event, answering with the alarm as pushed.
    /// </summary>
    public async Task<Outcome<AlarmDto>> ActAsync(ClaimsPrincipal user, Guid id, string kind, Func<Alarm, string?> change, object? details, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null || !await authorization.AllowsAsync(user, AlarmsPolicies.HandleAlarm, alarm.SiteId))
        {
            return Outcome<AlarmDto>.NotFound();
        }

        if (change(alarm) is { } conflict)
        {
            return Outcome<AlarmDto>.Conflict(conflict);
        }

        alarm.Version++;
        writer.Change(alarm, alarm.SiteId, kind, user.Identity?.Name ?? "?", details ?? new { alarmId = alarm.Id });
        IReadOnlyList<AlarmEventDto> events;
        try
        {
            events = await writer.SaveAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AlarmDto>.Conflict("alarms.problem.concurrent-change");
        }

        return Outcome<AlarmDto>.Ok(events[^1].Alarm!);
    }
}

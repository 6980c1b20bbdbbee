using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Persistence;

namespace Varta.Alarms.OpenAlarms;

/// <summary>The alarms not yet resolved in the caller's buildings, most urgent and oldest first.</summary>
internal sealed class OpenAlarmsHandler(VartaDbContext db, ConsoleAlarms console)
{
    /// <param name="auditRead">False only for the console's own refreshes after its first, audited, load.</param>
    public async Task<IReadOnlyList<AlarmDto>> HandleAsync(ClaimsPrincipal user, CancellationToken ct, bool auditRead = true)
    {
        var sites = await console.SitesAsync(user, AlarmsPolicies.Console);
        var alarms = await db.Set<Alarm>().AsNoTracking().Where(a => a.Status != AlarmStatus.Resolved && sites.Contains(a.SiteId))
            .OrderBy(a => a.Priority).ThenBy(a => a.ReceivedAt).Take(500).ToListAsync(ct);
        if (auditRead)
        {
            await console.AuditReadAsync("alarms.open.read", null, sites, new { alarms = alarms.Count }, ct);
        }

        return await console.ToDtosAsync(alarms, ct);
    }
}

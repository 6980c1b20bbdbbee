using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Alarms.GetAlarm;

internal sealed class GetAlarmHandler(VartaDbContext db, IAuthorizationService authorization, AlarmWriter writer, ConsoleAlarms console)
{
    public async Task<Outcome<AlarmDto>> HandleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var alarm = await db.Set<Alarm>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alarm is null || !await authorization.AllowsAsync(user, AlarmsPolicies.Console, alarm.SiteId))
        {
            return Outcome<AlarmDto>.NotFound();
        }

        await console.AuditReadAsync("alarms.alarm.read", alarm.Id.ToString(), [alarm.SiteId], new { alarm.Kind, alarm.Status }, ct);
        return Outcome<AlarmDto>.Ok(await writer.ToDtoAsync(alarm, ct));
    }
}

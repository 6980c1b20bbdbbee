using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Duress;

/// <summary>Who has taken up an alarm: what the duress page tells the person who raised it.</summary>
internal sealed record DuressStatus(string? AcknowledgedBy, string? Responders, string Status);

/// <summary>The state of an alarm the caller raised from their phone; for a page whose pushes come from another host, read every few seconds.</summary>
internal sealed class DuressAlarmStatus(VartaDbContext db)
{
    public Task<DuressStatus?> HandleAsync(ClaimsPrincipal user, Guid alarmId, CancellationToken ct)
    {
        var userId = user.UserId();
        return db.Set<Alarm>().AsNoTracking().Where(a => a.Id == alarmId && a.RaisedByUserId == userId)
            .Select(a => new DuressStatus(a.AcknowledgedBy, a.Responders, a.Status)).FirstOrDefaultAsync(ct);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Duress;

/// <summary>Who has taken up an alarm, by the name people know them by: what the duress page tells the person who raised it.</summary>
internal sealed record DuressStatus(Guid AlarmId, string? AcknowledgedBy, string? Responders, string Status);

/// <summary>The state of an alarm the caller raised from their phone; for a page whose pushes come from another host, read every few seconds.</summary>
internal sealed class DuressAlarmStatus(VartaDbContext db)
{
    public Task<DuressStatus?> HandleAsync(ClaimsPrincipal user, Guid alarmId, CancellationToken ct)
    {
        var userId = user.UserId();
        return Project(db.Set<Alarm>().AsNoTracking().Where(a => a.Id == alarmId && a.RaisedByUserId == userId)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The caller's newest alarm that is still open, if any: what a page opened later shows first.</summary>
    public Task<DuressStatus?> LatestOpenAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = user.UserId();
        return Project(db.Set<Alarm>().AsNoTracking().Where(a => a.RaisedByUserId == userId && a.Status != AlarmStatus.Resolved)
            .OrderByDescending(a => a.ReceivedAt)).FirstOrDefaultAsync(ct);
    }

    private IQueryable<DuressStatus> Project(IQueryable<Alarm> alarms) =>
        alarms.Select(a => new DuressStatus(a.Id,
            db.Set<VartaUser>().Where(u => u.UserName == a.AcknowledgedBy).Select(u => u.DisplayName).FirstOrDefault() ?? a.AcknowledgedBy,
            a.Responders, a.Status));
}

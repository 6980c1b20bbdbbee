using System.Security.Claims;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Http;
using Varta.Platform.Identity;

namespace Varta.Alarms.AcknowledgeAlarm;

/// <summary>Someone at the monitoring centre has seen an open alarm.</summary>
internal sealed class AcknowledgeAlarmHandler(ConsoleAlarms console, TimeProvider clock)
{
    public Task<Outcome<AlarmDto>> HandleAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        console.ActAsync(user, id, "acknowledged", a =>
        {
            if (a.Status != AlarmStatus.Open)
            {
                return "alarms.problem.already-acknowledged";
            }

            a.Status = AlarmStatus.Acknowledged;
            a.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedBy = user.Identity?.Name;
            a.AcknowledgedByName = user.FindFirstValue(VartaClaims.DisplayName) is { Length: > 0 } shown ? shown : a.AcknowledgedBy;
            return null;
        }, null, ct);
}

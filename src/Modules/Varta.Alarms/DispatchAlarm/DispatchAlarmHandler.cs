using System.Security.Claims;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Alarms.DispatchAlarm;

internal sealed record DispatchRequest(IReadOnlyList<string>? Responders, string? Note);

/// <summary>Sends people to an alarm not yet resolved; acknowledges it too when nobody had.</summary>
internal sealed class DispatchAlarmHandler(ConsoleAlarms console, TimeProvider clock, Loc loc)
{
    public async Task<Outcome<AlarmDto>> HandleAsync(ClaimsPrincipal user, Guid id, DispatchRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).MaxLength("note", request.Note, 2000);
        var responders = request.Responders?.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList() ?? [];
        if (responders.Count == 0)
        {
            v.Fail("responders", "required");
        }
        else if (responders.Count > 20 || responders.Any(r => r.Length > 100))
        {
            v.Fail("responders", "list-required", 20);
        }

        if (!v.IsValid)
        {
            return Outcome<AlarmDto>.Invalid(v);
        }

        return await console.ActAsync(user, id, "dispatched", a =>
        {
            if (a.Status == AlarmStatus.Resolved)
            {
                return "alarms.problem.resolved";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedAt ??= now;
            a.AcknowledgedBy ??= user.Identity?.Name;
            a.Status = AlarmStatus.Dispatched;
            a.DispatchedAt ??= now;
            a.Responders = string.Join(", ", responders);
            return null;
        }, new { responders, note = request.Note }, ct);
    }
}

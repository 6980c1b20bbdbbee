using System.Security.Claims;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Alarms.ResolveAlarm;

internal sealed record ResolveRequest(string? Outcome, string? Note);

internal static class Outcomes
{
    public static readonly string[] All = ["real", "false", "test", "technical"];
}

/// <summary>Closes an alarm with what it turned out to be; acknowledges it too when nobody had.</summary>
internal sealed class ResolveAlarmHandler(ConsoleAlarms console, TimeProvider clock, Loc loc)
{
    public async Task<Outcome<AlarmDto>> HandleAsync(ClaimsPrincipal user, Guid id, ResolveRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).OneOf("outcome", request.Outcome, Outcomes.All).MaxLength("note", request.Note, 2000);
        if (!v.IsValid)
        {
            return Outcome<AlarmDto>.Invalid(v);
        }

        return await console.ActAsync(user, id, "resolved", a =>
        {
            if (a.Status == AlarmStatus.Resolved)
            {
                return "alarms.problem.resolved";
            }

            var now = clock.GetUtcNow().UtcDateTime;
            a.AcknowledgedAt ??= now;
            a.AcknowledgedBy ??= user.Identity?.Name;
            a.Status = AlarmStatus.Resolved;
            a.ResolvedAt = now;
            a.ResolvedBy = user.Identity?.Name;
            a.Outcome = request.Outcome;
            return null;
        }, new { outcome = request.Outcome, note = request.Note }, ct);
    }
}

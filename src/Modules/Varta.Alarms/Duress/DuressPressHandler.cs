using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.Feed;
using Varta.Alarms.SendSignal;
using Varta.Platform.Http;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Duress;

/// <summary>What the server answers a press: the alarm it belongs to, and whether it was a new one.</summary>
internal sealed record PressAccepted(Guid? AlarmId, long? Sequence, bool Duplicate, bool PressedAgain);

/// <summary>
/// A press of a person's duress button. While the alarm their phone raised is still open, another press (a new key)
/// is added to that alarm as "pressed again", with the new position, instead of raising a second alarm; the same press
/// sent again (its key) is taken once. Otherwise it is a new duress signal from the person's phone.
/// </summary>
internal sealed class DuressPressHandler(VartaDbContext db, PhoneDevices phones, SignalHandler signals, AlarmWriter writer)
{
    public async Task<Outcome<PressAccepted>> HandleAsync(ClaimsPrincipal user, PressRequest press, CancellationToken ct)
    {
        if (await phones.EnsureAsync(user, ct) is not { } device)
        {
            return Outcome<PressAccepted>.Conflict("alarms.duress.no-site");
        }

        var key = press.IdempotencyKey;
        var open = await db.Set<Alarm>().Where(a => a.DeviceId == device && a.Status != AlarmStatus.Resolved)
            .OrderByDescending(a => a.ReceivedAt).FirstOrDefaultAsync(ct);
        if (open is not null && key is { Length: > 0 and <= 100 } && open.IdempotencyKey != key)
        {
            return await PressedAgainAsync(user, open, press, key, ct);
        }

        // A phone's clock that is wrong must not cost an alarm: when the press time is refused, the alarm is stored with
        // the time it was received instead.
        SignalRequest Request(string? at) => new("duress", null, press.Location, press.Silent, key, at);
        var outcome = await signals.HandleAsync(device, Request(press.PressedAt), ct);
        if (outcome.Kind == OutcomeKind.Invalid && press.PressedAt is not null && outcome.Errors!.Errors.ContainsKey("occurredAt"))
        {
            outcome = await signals.HandleAsync(device, Request(null), ct);
        }

        return outcome.IsOk
            ? Outcome<PressAccepted>.Ok(new PressAccepted(outcome.Value!.AlarmId, outcome.Value.Sequence, outcome.Value.Duplicate, false))
            : outcome.Failure<PressAccepted>();
    }

    private async Task<Outcome<PressAccepted>> PressedAgainAsync(ClaimsPrincipal user, Alarm open, PressRequest press, string key, CancellationToken ct)
    {
        var marker = JsonSerializer.Serialize(key);
        var already = await db.Set<AlarmEvent>().AsNoTracking()
            .Where(e => e.AlarmId == open.Id && e.Kind == "pressed-again" && e.Payload.Contains(marker))
            .Select(e => (long?)e.Seq).FirstOrDefaultAsync(ct);
        if (already is not null)
        {
            return Outcome<PressAccepted>.Ok(new PressAccepted(open.Id, already, true, true));
        }

        if (press.Location is { Latitude: { } lat and >= -90 and <= 90, Longitude: { } lon and >= -180 and <= 180 })
        {
            open.Latitude = lat;
            open.Longitude = lon;
            open.AccuracyMeters = press.Location.Accuracy;
        }

        open.Repeats++;
        open.Version++;
        writer.Change(open, open.SiteId, "pressed-again", user.Identity?.Name ?? "?", new { alarmId = open.Id, key, pressedAt = press.PressedAt });
        var events = await writer.SaveAsync(ct);
        return Outcome<PressAccepted>.Ok(new PressAccepted(open.Id, events[^1].Seq, false, true));
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Feed;

/// <summary>Writes an alarm change as a feed event with its audit record, and turns stored rows into what consoles see.</summary>
internal sealed class AlarmWriter(VartaDbContext db, IAuditLog audit, TimeProvider clock, OrgDirectory org, AlarmNotifier notifier)
{
    private readonly List<(AlarmEvent Event, Alarm? Alarm, AlarmDto? Shown)> _unsaved = [];
    private readonly Dictionary<Guid, Zone?> _zones = [];
    private readonly Dictionary<Guid, Device?> _devices = [];
    private readonly HashSet<Guid> _consented = [];
    private readonly HashSet<Guid> _asked = [];

    /// <summary>Changes recorded and not yet saved: the index the next change will have among the saved events.</summary>
    public int Pending => _unsaved.Count;

    /// <param name="shown">What consoles are shown of the alarm, if the caller has it already (else it is read when saved).</param>
    public void Change(Alarm? alarm, Guid siteId, string kind, string actor, object? details = null, string? reason = null, AlarmDto? shown = null)
    {
        var now = clock.GetUtcNow();
        var e = new AlarmEvent
        {
            Id = Guid.CreateVersion7(now),
            AlarmId = alarm?.Id,
            SiteId = siteId,
            Kind = kind,
            At = now.UtcDateTime,
            Actor = actor,
            Payload = details is null ? "{}" : JsonSerializer.Serialize(details),
        };
        db.Set<AlarmEvent>().Add(e);
        audit.Record(new AuditRecord
        {
            Action = "alarms." + kind,
            Category = actor.StartsWith("device:", StringComparison.Ordinal) ? AuditCategory.Device : AuditCategory.Write,
            ResourceType = alarm is null ? "alarm-device" : "alarm",
            ResourceId = alarm?.Id.ToString(),
            OrgUnitId = siteId,
            Reason = reason,
            Details = e.Payload,
            ActorName = actor.StartsWith("device:", StringComparison.Ordinal) ? actor : null,
            ActorId = actor.StartsWith("device:", StringComparison.Ordinal) ? actor : null,
        });
        _unsaved.Add((e, alarm, shown));
    }

    /// <summary>
    /// Saves the unit of work. Its events are handed to the notifier the moment the save commits, still under the
    /// audit chain's lock, so consoles are told in commit (Seq) order; the caller does not wait for the pushes.
    /// Returns the events as pushed, with their sequence numbers. On failure nothing is pushed and the events stay
    /// queued here, so calling this again retries them.
    /// </summary>
    public async Task<IReadOnlyList<AlarmEventDto>> SaveAsync(CancellationToken ct)
    {
        // Everything a console is shown is read now, outside the lock: the callback below may only copy the Seq.
        var unsaved = _unsaved.ToArray();
        var drafts = new AlarmEventDto[unsaved.Length];
        for (var i = 0; i < unsaved.Length; i++)
        {
            var (e, alarm, shown) = unsaved[i];
            drafts[i] = new AlarmEventDto(0, e.AlarmId, e.SiteId, e.Kind, Utc(e.At), e.Actor, alarm is null ? null : shown ?? await ToDtoAsync(alarm, ct));
        }

        if (unsaved.Length > 0)
        {
            db.AfterCommit(() => notifier.Enqueue(Numbered(drafts, unsaved)));
        }

        await db.SaveChangesAsync(ct);
        _unsaved.Clear();
        return Numbered(drafts, unsaved);
    }

    private static AlarmEventDto[] Numbered(AlarmEventDto[] drafts, (AlarmEvent Event, Alarm? Alarm, AlarmDto? Shown)[] saved)
    {
        var numbered = new AlarmEventDto[drafts.Length];
        for (var i = 0; i < drafts.Length; i++)
        {
            numbered[i] = drafts[i] with { Seq = saved[i].Event.Seq };
        }

        return numbered;
    }

    public async Task<AlarmDto> ToDtoAsync(Alarm a, CancellationToken ct)
    {
        var zone = a.ZoneId is { } z ? await FindAsync(_zones, z, ct) : null;
        var device = a.DeviceId is { } d ? await FindAsync(_devices, d, ct) : null;
        if (a.RaisedByUserId is { } person && _asked.Add(person))
        {
            _consented.UnionWith(await ConsentedAsync(db, [a], ct));
        }

        return ToDto(a, zone, device, org, _consented);
    }

    private static readonly Func<VartaDbContext, Guid, CancellationToken, Task<bool>> HasConsented =
        EF.CompileAsyncQuery((VartaDbContext db, Guid person, CancellationToken ct) =>
            db.Set<MedicalProfile>().Any(m => m.UserId == person && m.ConsentAt != null && m.WithdrawnAt == null));

    /// <summary>Of the people who raised these alarms, those with a consented (not withdrawn) medical profile.</summary>
    public static async Task<HashSet<Guid>> ConsentedAsync(VartaDbContext db, IEnumerable<Alarm> alarms, CancellationToken ct)
    {
        var people = alarms.Where(a => a.RaisedByUserId != null).Select(a => a.RaisedByUserId!.Value).Distinct().ToList();
        if (people.Count == 1)
        {
            // A press: one person, asked on the signal's path, so compiled once (see KnownDevice).
            return await HasConsented(db, people[0], ct) ? [people[0]] : [];
        }

        return people.Count == 0
            ? []
            : (await db.Set<MedicalProfile>().AsNoTracking()
                .Where(m => people.Contains(m.UserId) && m.ConsentAt != null && m.WithdrawnAt == null)
                .Select(m => m.UserId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>One read per zone or device per unit of work; none when the handler has it loaded already.</summary>
    private async Task<T?> FindAsync<T>(Dictionary<Guid, T?> cache, Guid id, CancellationToken ct)
        where T : class
    {
        if (cache.TryGetValue(id, out var known))
        {
            return known;
        }

        var found = db.Set<T>().Local.FindEntry(id)?.Entity
            ?? await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(x => EF.Property<Guid>(x, "Id") == id, ct);
        cache[id] = found;
        return found;
    }

    /// <param name="consented">People with a consented medical profile: an alarm they raised offers it to responders.</param>
    /// <param name="english">The zone's English name rather than its Ukrainian one; by default, the current language's.</param>
    public static AlarmDto ToDto(Alarm a, Zone? zone, Device? device, OrgDirectory org, IReadOnlySet<Guid> consented, bool? english = null) => new(
        a.Id, a.SiteId, org.Current.Find(a.SiteId)?.DisplayName ?? "", a.ZoneId,
        zone is null ? null : english ?? Platform.Localization.Loc.IsEnglish ? zone.NameEn : zone.Name, zone?.Floor,
        a.DeviceId, device?.Name, a.Kind, a.Priority, a.Silent, a.Latitude, a.Longitude, a.AccuracyMeters, a.Status,
        Utc(a.RaisedAt), Utc(a.ReceivedAt), a.AcknowledgedAt is { } ack ? Utc(ack) : null, a.AcknowledgedBy,
        a.DispatchedAt is { } dis ? Utc(dis) : null, a.Responders, a.ResolvedAt is { } res ? Utc(res) : null, a.Outcome,
        a.EscalationLevel, a.RaisedByUserId is { } person && consented.Contains(person), a.PanelText, a.Repeats,
        a.RaisedByName, a.RaisedByRole, a.AcknowledgedByName);

    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

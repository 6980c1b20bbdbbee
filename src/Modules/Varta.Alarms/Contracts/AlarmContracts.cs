namespace Varta.Alarms.Contracts;

/// <summary>An alarm as consoles see it.</summary>
public sealed record AlarmDto(
    Guid Id,
    Guid SiteId,
    string SiteName,
    Guid? ZoneId,
    string? ZoneName,
    int? Floor,
    Guid? DeviceId,
    string? DeviceName,
    string Kind,
    int Priority,
    bool Silent,
    double? Latitude,
    double? Longitude,
    double? AccuracyMeters,
    string Status,
    DateTimeOffset RaisedAt,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? DispatchedAt,
    string? Responders,
    DateTimeOffset? ResolvedAt,
    string? Outcome,
    int EscalationLevel,
    bool HasMedicalProfile,
    string? PanelText = null,
    int Repeats = 0,
    string? RaisedByName = null,
    string? RaisedByRole = null,
    string? AcknowledgedByName = null);

/// <summary>One numbered change in the alarm feed; consoles resume from the last Seq they saw.</summary>
public sealed record AlarmEventDto(long Seq, Guid? AlarmId, Guid SiteId, string Kind, DateTimeOffset At, string Actor, AlarmDto? Alarm);

/// <summary>
/// What the alarm hub pushes to a console. From one host, a console receives its sites' events in increasing
/// <c>Seq</c> order across both methods (through the Redis backplane, per site); after a reconnect it catches up
/// with <c>GET /api/v1/alarms/feed?after={last Seq}</c>. Properties that are null are left out of a push (JSON);
/// read a missing one as null.
/// </summary>
public interface IAlarmClient
{
    /// <summary>One event: what a console gets while the host is not busy.</summary>
    Task AlarmEvent(AlarmEventDto e);

    /// <summary>Several events of one site that were waiting together, in <c>Seq</c> order; handle each as if pushed alone.</summary>
    Task AlarmEvents(AlarmEventDto[] events);
}

/// <summary>
/// A resolved alarm as other modules see it (a threat incident's debrief starts from one): where, what, the times of
/// its handling and the outcome; nothing of who raised it.
/// </summary>
public sealed record ResolvedAlarm(Guid Id, Guid SiteId, string Kind, string? ZoneName, string? ZoneNameEn, DateTimeOffset RaisedAt, DateTimeOffset ReceivedAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? DispatchedAt, DateTimeOffset ResolvedAt, string? Outcome);

/// <summary>Resolved alarms for other modules; the caller decides who may see them (by the site).</summary>
public interface IAlarmHistory
{
    /// <summary>Alarms of these sites resolved since then, newest first, at most <paramref name="limit"/>; tests and device faults left out.</summary>
    Task<IReadOnlyList<ResolvedAlarm>> ResolvedAsync(IReadOnlyCollection<Guid> siteIds, DateTimeOffset since, int limit, CancellationToken ct);

    /// <summary>One resolved alarm, or null when there is none with that id or it is not resolved.</summary>
    Task<ResolvedAlarm?> FindResolvedAsync(Guid id, CancellationToken ct);
}

/// <summary>A duress button provisioned for someone: the device, and the secret to program into it (shown once, stored hashed).</summary>
public sealed record ProvisionedButton(Guid DeviceId, Guid SiteId, string Name, string Secret);

/// <summary>Alarm devices other modules may set up (a protective measure "duress button at home").</summary>
public interface IAlarmDevices
{
    /// <summary>
    /// A fixed duress button owned by <paramref name="ownerUserId"/>, filed under the court building <paramref name="siteId"/>
    /// (its alarms go to that building's dispatchers). The owner must be an active person who works there; null otherwise.
    /// The device and its audit record join the caller's unit of work: they are stored by the caller's next save, with
    /// the caller's own change, or not at all. The caller decides who may ask.
    /// </summary>
    Task<ProvisionedButton?> ProvisionButtonAsync(Guid siteId, Guid ownerUserId, string name, string reason, CancellationToken ct);
}

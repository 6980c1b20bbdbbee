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
    bool HasMedicalProfile);

/// <summary>One numbered change in the alarm feed; consoles resume from the last Seq they saw.</summary>
public sealed record AlarmEventDto(long Seq, Guid? AlarmId, Guid SiteId, string Kind, DateTimeOffset At, string Actor, AlarmDto? Alarm);

/// <summary>What the alarm hub pushes to a console.</summary>
public interface IAlarmClient
{
    Task AlarmEvent(AlarmEventDto e);
}

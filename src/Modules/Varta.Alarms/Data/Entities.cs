using Varta.Platform.Persistence;

namespace Varta.Alarms.Data;

internal sealed class Zone
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public string Name { get; set; } = "";

    public string NameEn { get; set; } = "";

    public int Floor { get; set; }

    /// <summary>courtroom, judge-office, entrance, corridor, holding-cells, other.</summary>
    public string Kind { get; set; } = "";
}

internal sealed class Device : ICreateStamped
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid? ZoneId { get; set; }

    /// <summary>fixed-button, courtroom-button, phone, intrusion-panel.</summary>
    public string Kind { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the device's random secret (hex); the secret itself is shown once and never stored.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>For DC-09 panels: the account number they report with.</summary>
    public string? AccountNumber { get; set; }

    /// <summary>For phones: the person who carries it, whose medical profile responders may see.</summary>
    public Guid? OwnerUserId { get; set; }

    public int HeartbeatSeconds { get; set; } = 20;

    public bool Enabled { get; set; } = true;

    public DateTime? LastSeenAt { get; set; }

    public bool Offline { get; set; }

    /// <summary>
    /// When the device is overdue: last heard from (or created) plus its heartbeat period. Kept by
    /// <see cref="HeardAt"/>, so that the supervision scan reads only devices past it, not every device.
    /// </summary>
    public DateTime SilentAfter { get; set; }

    /// <summary>Stamped on insert by the platform's interceptor.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The device reported (or was registered) at <paramref name="at"/>: its next report is due within its heartbeat period.</summary>
    public void HeardAt(DateTime at)
    {
        LastSeenAt = at;
        SilentAfter = at.AddSeconds(HeartbeatSeconds);
    }

    /// <summary>The last test signal: buttons are tested daily.</summary>
    public DateTime? LastTestAt { get; set; }
}

internal sealed class Alarm
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid? ZoneId { get; set; }

    public Guid? DeviceId { get; set; }

    /// <summary>duress, panic, intrusion, tamper, fault, test, device-offline.</summary>
    public string Kind { get; set; } = "";

    /// <summary>1 is the most urgent.</summary>
    public int Priority { get; set; }

    public bool Silent { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? AccuracyMeters { get; set; }

    public string? IdempotencyKey { get; set; }

    public Guid? RaisedByUserId { get; set; }

    /// <summary>The name of the person whose device raised it, as it was at the press: who the dispatcher is looking for.</summary>
    public string? RaisedByName { get; set; }

    /// <summary>That person's role in the building (a role key, such as judge or court-staff), as it was at the press.</summary>
    public string? RaisedByRole { get; set; }

    public string Status { get; set; } = AlarmStatus.Open;

    /// <summary>When the device says it happened.</summary>
    public DateTime RaisedAt { get; set; }

    /// <summary>When Varta stored it.</summary>
    public DateTime ReceivedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>The display name of who acknowledged it: what the console and the person's phone show.</summary>
    public string? AcknowledgedByName { get; set; }

    public DateTime? DispatchedAt { get; set; }

    public string? Responders { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? ResolvedBy { get; set; }

    public string? Outcome { get; set; }

    public int EscalationLevel { get; set; }

    public DateTime? EscalatedAt { get; set; }

    /// <summary>For a panel's alarm: which of its conditions this is (event code or kind, partition, zone), so that the restore can find it.</summary>
    public string? PanelRef { get; set; }

    /// <summary>What a panel said of this event (code, meaning, zone, text; the raw data when unrecognised), for the dispatcher.</summary>
    public string? PanelText { get; set; }

    /// <summary>How many times the same thing came again while this alarm was open (pressed again, offline again): one alarm, counted.</summary>
    public int Repeats { get; set; }

    public int Version { get; set; }
}

/// <summary>The console feed: every change to an alarm or device, numbered in commit order.</summary>
internal sealed class AlarmEvent : ISequenced
{
    public long Seq { get; set; }

    public Guid Id { get; set; }

    public Guid? AlarmId { get; set; }

    public Guid SiteId { get; set; }

    public string Kind { get; set; } = "";

    public DateTime At { get; set; }

    public string Actor { get; set; } = "";

    public string Payload { get; set; } = "{}";
}

internal static class AlarmStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Dispatched = "dispatched";
    public const string Resolved = "resolved";
}

/// <summary>A voluntary emergency medical profile, held only with the person's consent.</summary>
internal sealed class MedicalProfile : IUpdateStamped
{
    public Guid UserId { get; set; }

    public string? BloodType { get; set; }

    public string? Allergies { get; set; }

    public string? Conditions { get; set; }

    public string? Medications { get; set; }

    public string? EmergencyContactName { get; set; }

    public string? EmergencyContactPhone { get; set; }

    public DateTime? ConsentAt { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    /// <summary>Stamped on insert and on every change by the platform's interceptor.</summary>
    public DateTime UpdatedAt { get; set; }

    public bool Active => ConsentAt is not null && WithdrawnAt is null;
}

/// <summary>When a building is armed: weekly windows in Kyiv time, plus whole-day holidays. No row means always armed.</summary>
internal sealed class ArmingSchedule : IUpdateStamped
{
    public Guid SiteId { get; set; }

    /// <summary>JSON list of {"day":0-6 (Sunday 0),"from":"HH:mm","to":"HH:mm"}; "to" before "from" runs past midnight.</summary>
    public string Windows { get; set; } = "[]";

    /// <summary>JSON list of "yyyy-MM-dd" dates armed all day.</summary>
    public string Holidays { get; set; } = "[]";

    /// <summary>Stamped on insert and on every change by the platform's interceptor.</summary>
    public DateTime UpdatedAt { get; set; }
}

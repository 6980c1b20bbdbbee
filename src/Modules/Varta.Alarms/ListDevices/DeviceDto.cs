using Varta.Alarms.Data;
using Varta.Alarms.ReceiveDc09;

namespace Varta.Alarms.ListDevices;

/// <summary>A device; <c>Encryption</c> says whether an intrusion panel's DC-09 frames are encrypted ("aes-128", "aes-192", "aes-256") or not (null).</summary>
internal sealed record DeviceDto(Guid Id, Guid SiteId, Guid? ZoneId, string Kind, string Name, string? AccountNumber, Guid? OwnerUserId,
    int HeartbeatSeconds, bool Enabled, bool Offline, DateTimeOffset? LastSeenAt, string? Encryption)
{
    public static DeviceDto From(Device d, int? keyBits) => new(d.Id, d.SiteId, d.ZoneId, d.Kind, d.Name, d.AccountNumber, d.OwnerUserId, d.HeartbeatSeconds,
        d.Enabled, d.Offline, d.LastSeenAt is { } seen ? new DateTimeOffset(DateTime.SpecifyKind(seen, DateTimeKind.Utc)) : null,
        keyBits is { } bits ? Dc09Keys.EncryptionName(bits) : null);
}

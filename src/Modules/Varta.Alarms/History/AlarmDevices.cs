using System.Text.Json;
using Microsoft.Extensions.Options;
using Varta.Alarms.Contracts;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.History;

/// <summary>Alarms' <see cref="IAlarmDevices"/>: a supervised fixed button, owned and filed like one an administrator adds.</summary>
internal sealed class AlarmDevices(VartaDbContext db, OrgDirectory org, PeopleDirectory people, IAuditLog audit, TimeProvider clock, IOptions<AlarmsOptions> options)
    : IAlarmDevices
{
    public async Task<ProvisionedButton?> ProvisionButtonAsync(Guid siteId, Guid ownerUserId, string name, string reason, CancellationToken ct)
    {
        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !await people.WorksAtAsync(ownerUserId, siteId, ct))
        {
            return null;
        }

        var secret = DeviceAuthenticationHandler.NewSecret();
        var now = clock.GetUtcNow();
        var device = new Device
        {
            Id = Guid.CreateVersion7(now),
            SiteId = siteId,
            Kind = "fixed-button",
            Name = name.Length <= 200 ? name : name[..200],
            SecretHash = DeviceAuthenticationHandler.HashSecret(secret),
            OwnerUserId = ownerUserId,
            HeartbeatSeconds = options.Value.DefaultHeartbeatSeconds,
        };
        device.SilentAfter = now.UtcDateTime.AddSeconds(device.HeartbeatSeconds); // a new device has one period to report
        db.Set<Device>().Add(device);
        audit.Record(new AuditRecord
        {
            Action = "alarms.device.created",
            Category = AuditCategory.Admin,
            ResourceType = "alarm-device",
            ResourceId = device.Id.ToString(),
            OrgUnitId = siteId,
            Reason = reason,
            Details = JsonSerializer.Serialize(new { device.Kind, device.Name, ownerUserId, provisionedFor = "protective-measure" }),
        });
        return new ProvisionedButton(device.Id, siteId, device.Name, secret);
    }
}

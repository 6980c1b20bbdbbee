using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Alarms.Console;
using Varta.Alarms.Data;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.Devices;

internal sealed record ZoneDto(Guid Id, string Name, string NameEn, int Floor, string Kind);

internal sealed record SiteDto(Guid Id, string Name, string Code, IReadOnlyList<ZoneDto> Zones);

/// <summary>A device; <c>Encryption</c> says whether an intrusion panel's DC-09 frames are encrypted ("aes-128", "aes-192", "aes-256") or not (null).</summary>
internal sealed record DeviceDto(Guid Id, Guid SiteId, Guid? ZoneId, string Kind, string Name, string? AccountNumber, Guid? OwnerUserId,
    int HeartbeatSeconds, bool Enabled, bool Offline, DateTimeOffset? LastSeenAt, string? Encryption);

/// <summary>The device's credential, and a panel's DC-09 key (hex) when it has one, are in this answer once, and never again.</summary>
internal sealed record DeviceCreated(DeviceDto Device, string Secret, string? Dc09Key);

internal sealed record CreateZoneRequest(Guid? SiteId, string? Name, string? NameEn, int? Floor, string? Kind);

internal sealed record CreateDeviceRequest(Guid? SiteId, Guid? ZoneId, string? Kind, string? Name, int? HeartbeatSeconds, string? AccountNumber, Guid? OwnerUserId,
    string? Encryption = null);

/// <summary>Court buildings' zones and devices: administrators create them; console roles see them.</summary>
internal sealed class DeviceAdmin(VartaDbContext db, Access access, OrgDirectory org, IAuditLog audit, TimeProvider clock, IOptions<AlarmsOptions> options, Loc loc,
    Dc09Keys keys)
{
    public static readonly string[] ZoneKinds = ["courtroom", "judge-office", "entrance", "corridor", "holding-cells", "other"];
    public static readonly string[] Viewers = [.. AlarmHub.ConsoleRoles, Roles.Administrator];

    public async Task<IReadOnlyList<SiteDto>> SitesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var sites = access.SitesFor(user, SiteKinds.CourtBuilding, Viewers);
        var ids = sites.Select(s => s.Id).ToList();
        var zones = (await db.Set<Zone>().AsNoTracking().Where(z => ids.Contains(z.SiteId)).ToListAsync(ct)).ToLookup(z => z.SiteId);
        return sites.Select(s => new SiteDto(s.Id, s.DisplayName, s.Code,
            zones[s.Id].OrderBy(z => z.Floor).ThenBy(z => z.Name, StringComparer.Ordinal).Select(z => new ZoneDto(z.Id, z.Name, z.NameEn, z.Floor, z.Kind)).ToList())).ToList();
    }

    public async Task<IReadOnlyList<DeviceDto>> DevicesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var ids = access.SitesFor(user, SiteKinds.CourtBuilding, Viewers).Select(s => s.Id).ToList();
        var devices = await db.Set<Device>().AsNoTracking().Where(d => ids.Contains(d.SiteId)).OrderBy(d => d.Name).ToListAsync(ct);
        var deviceIds = devices.Select(d => d.Id).ToList();
        var bits = await db.Set<Dc09Key>().AsNoTracking().Where(k => deviceIds.Contains(k.DeviceId)).ToDictionaryAsync(k => k.DeviceId, k => k.Bits, ct);
        return devices.Select(d => ToDto(d, bits.TryGetValue(d.Id, out var b) ? b : null)).ToList();
    }

    public async Task<Outcome<ZoneDto>> CreateZoneAsync(ClaimsPrincipal user, CreateZoneRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).Required("name", r.Name, 200).MaxLength("nameEn", r.NameEn, 200).OneOf("kind", r.Kind, ZoneKinds);
        if (r.Floor is < -5 or > 100)
        {
            v.Fail("floor", "range", -5, 100);
        }

        if (r.SiteId is not { } siteId || org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, Roles.Administrator))
        {
            return r.SiteId is null ? Outcome<ZoneDto>.Invalid(v.Fail("siteId", "required")) : Outcome<ZoneDto>.NotFound();
        }

        if (!v.IsValid)
        {
            return Outcome<ZoneDto>.Invalid(v);
        }

        var zone = new Zone { Id = Guid.CreateVersion7(clock.GetUtcNow()), SiteId = siteId, Name = r.Name!.Trim(), NameEn = (r.NameEn ?? r.Name!).Trim(), Floor = r.Floor ?? 0, Kind = r.Kind! };
        db.Set<Zone>().Add(zone);
        audit.Record(new AuditRecord { Action = "alarms.zone.created", Category = AuditCategory.Admin, ResourceType = "alarm-zone", ResourceId = zone.Id.ToString(), OrgUnitId = siteId });
        await db.SaveChangesAsync(ct);
        return Outcome<ZoneDto>.Ok(new ZoneDto(zone.Id, zone.Name, zone.NameEn, zone.Floor, zone.Kind));
    }

    public async Task<Outcome<DeviceCreated>> CreateDeviceAsync(ClaimsPrincipal user, CreateDeviceRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).Required("name", r.Name, 200).OneOf("kind", r.Kind, DeviceKinds.All).MaxLength("accountNumber", r.AccountNumber, 20);
        if (r.HeartbeatSeconds is < 5 or > 86_400)
        {
            v.Fail("heartbeatSeconds", "range", 5, 86_400);
        }

        if (r.SiteId is not { } siteId)
        {
            return Outcome<DeviceCreated>.Invalid(v.Fail("siteId", "required"));
        }

        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !access.Allows(user, siteId, Roles.Administrator))
        {
            return Outcome<DeviceCreated>.NotFound();
        }

        if (r.ZoneId is { } zoneId && !await db.Set<Zone>().AnyAsync(z => z.Id == zoneId && z.SiteId == siteId, ct))
        {
            v.Fail("zoneId", "unknown-zone");
        }

        if (r.Kind == "intrusion-panel" && string.IsNullOrWhiteSpace(r.AccountNumber))
        {
            v.Fail("accountNumber", "required");
        }

        if (r.AccountNumber is { Length: > 0 } account && await db.Set<Device>().AnyAsync(d => d.AccountNumber == account, ct))
        {
            v.Fail("accountNumber", "account-taken");
        }

        if (r.Encryption is not null)
        {
            v.OneOf("encryption", r.Encryption, Dc09Keys.Encryptions.Keys);
            if (r.Kind != "intrusion-panel")
            {
                v.Fail("encryption", "dc09-panel-only");
            }
        }

        if (!v.IsValid)
        {
            return Outcome<DeviceCreated>.Invalid(v);
        }

        var secret = DeviceAuthenticationHandler.NewSecret();
        var device = new Device
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            SiteId = siteId,
            ZoneId = r.ZoneId,
            Kind = r.Kind!,
            Name = r.Name!.Trim(),
            SecretHash = DeviceAuthenticationHandler.HashSecret(secret),
            AccountNumber = string.IsNullOrWhiteSpace(r.AccountNumber) ? null : r.AccountNumber.Trim(),
            OwnerUserId = r.OwnerUserId,
            HeartbeatSeconds = r.HeartbeatSeconds ?? options.Value.DefaultHeartbeatSeconds,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        device.SilentAfter = device.CreatedAt.AddSeconds(device.HeartbeatSeconds); // a new device has one period to report
        db.Set<Device>().Add(device);
        byte[]? key = null;
        if (r.Encryption is { } encryption)
        {
            (key, var protectedKey) = keys.Issue(Dc09Keys.Encryptions[encryption]);
            db.Set<Dc09Key>().Add(new Dc09Key { DeviceId = device.Id, Bits = key.Length * 8, Protected = protectedKey, IssuedAt = device.CreatedAt, IssuedBy = user.Identity?.Name ?? "?" });
        }

        audit.Record(new AuditRecord
        {
            Action = "alarms.device.created",
            Category = AuditCategory.Admin,
            ResourceType = "alarm-device",
            ResourceId = device.Id.ToString(),
            OrgUnitId = siteId,
            // The key itself is never written anywhere but its protected row.
            Details = JsonSerializer.Serialize(new { device.Kind, device.Name, device.AccountNumber, encryption = r.Encryption }),
        });
        await db.SaveChangesAsync(ct);
        if (key is not null)
        {
            await keys.ChangedAsync(ct);
        }

        return Outcome<DeviceCreated>.Ok(new DeviceCreated(ToDto(device, key?.Length * 8), secret, key is null ? null : Convert.ToHexString(key)));
    }

    internal static DeviceDto ToDto(Device d, int? keyBits) => new(d.Id, d.SiteId, d.ZoneId, d.Kind, d.Name, d.AccountNumber, d.OwnerUserId, d.HeartbeatSeconds,
        d.Enabled, d.Offline, d.LastSeenAt is { } seen ? new DateTimeOffset(DateTime.SpecifyKind(seen, DateTimeKind.Utc)) : null,
        keyBits is { } bits ? Dc09Keys.EncryptionName(bits) : null);
}

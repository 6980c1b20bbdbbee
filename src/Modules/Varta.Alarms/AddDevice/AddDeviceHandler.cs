using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Alarms.Data;
using Varta.Alarms.DeviceAuthentication;
using Varta.Alarms.ListDevices;
using Varta.Alarms.ReceiveDc09;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Alarms.AddDevice;

internal sealed record CreateDeviceRequest(Guid? SiteId, Guid? ZoneId, string? Kind, string? Name, int? HeartbeatSeconds, string? AccountNumber, Guid? OwnerUserId,
    string? Encryption = null, string? Dc09Key = null);

/// <summary>
/// The device's credential, and a panel's DC-09 key (hex) when one was issued, are in this answer once, and never
/// again. A key the installer entered (<see cref="CreateDeviceRequest.Dc09Key"/>) is not repeated: null.
/// </summary>
internal sealed record DeviceCreated(DeviceDto Device, string Secret, string? Dc09Key);

/// <summary>An administrator of the building adds a button, panel or phone, and gets its credential once.</summary>
internal sealed class AddDeviceHandler(VartaDbContext db, IAuthorizationService authorization, OrgDirectory org, IAuditLog audit, TimeProvider clock,
    IOptions<AlarmsOptions> options, Loc loc, Dc09Keys keys, PeopleDirectory people)
{
    public async Task<Outcome<DeviceCreated>> HandleAsync(ClaimsPrincipal user, CreateDeviceRequest r, CancellationToken ct)
    {
        var v = new Validator(loc).Required("name", r.Name, 200).OneOf("kind", r.Kind, DeviceKinds.All);
        if (!string.IsNullOrWhiteSpace(r.AccountNumber) && !IsAccountNumber(r.AccountNumber.Trim()))
        {
            v.Fail("accountNumber", "dc09-account");
        }

        if (r.HeartbeatSeconds is < 5 or > 86_400)
        {
            v.Fail("heartbeatSeconds", "range", 5, 86_400);
        }

        if (r.SiteId is not { } siteId)
        {
            return Outcome<DeviceCreated>.Invalid(v.Fail("siteId", "required"));
        }

        if (org.Current.Find(siteId)?.SiteKind != SiteKinds.CourtBuilding || !await authorization.AllowsAsync(user, AlarmsPolicies.ManageDevices, siteId))
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

        if (r.AccountNumber?.Trim() is { Length: > 0 } account && await db.Set<Device>().AnyAsync(d => d.AccountNumber == account, ct))
        {
            v.Fail("accountNumber", "account-taken");
        }

        if (r.OwnerUserId is { } owner && !await MayOwnAsync(user, owner, siteId, ct))
        {
            v.Fail("ownerUserId", "owner-not-of-building");
        }

        if (r.Encryption is not null || r.Dc09Key is not null)
        {
            if (r.Encryption is not null)
            {
                v.OneOf("encryption", r.Encryption, Dc09Keys.Encryptions.Keys);
            }

            if (r.Kind != "intrusion-panel")
            {
                v.Fail("encryption", "dc09-panel-only");
            }
        }

        var entered = Dc09Keys.Entered(v, r.Encryption, r.Dc09Key);

        if (!v.IsValid)
        {
            return Outcome<DeviceCreated>.Invalid(v);
        }

        var secret = DeviceAuthenticationHandler.NewSecret();
        var now = clock.GetUtcNow().UtcDateTime;
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
        };
        device.SilentAfter = now.AddSeconds(device.HeartbeatSeconds); // a new device has one period to report
        db.Set<Device>().Add(device);
        byte[]? key = null;
        if (entered is not null || r.Encryption is not null)
        {
            (key, var protectedKey) = entered is null ? keys.Issue(Dc09Keys.Encryptions[r.Encryption!]) : (entered, keys.Protect(entered));
            db.Set<Dc09Key>().Add(new Dc09Key { DeviceId = device.Id, Bits = key.Length * 8, Protected = protectedKey, IssuedAt = now, IssuedBy = user.Identity?.Name ?? "?" });
        }

        audit.Record(new AuditRecord
        {
            Action = "alarms.device.created",
            Category = AuditCategory.Admin,
            ResourceType = "alarm-device",
            ResourceId = device.Id.ToString(),
            OrgUnitId = siteId,
            // The key itself is never written anywhere but its protected row.
            Details = JsonSerializer.Serialize(new { device.Kind, device.Name, device.AccountNumber, encryption = key is null ? null : Dc09Keys.EncryptionName(key.Length * 8), keyEntered = entered is not null }),
        });
        await db.SaveChangesAsync(ct);
        if (key is not null)
        {
            await keys.ChangedAsync(ct);
        }

        return Outcome<DeviceCreated>.Ok(new DeviceCreated(DeviceDto.From(device, key?.Length * 8), secret, key is null || entered is not null ? null : Convert.ToHexString(key)));
    }

    /// <summary>
    /// A device's alarms carry its owner, and with them the owner's medical profile: the owner is an active person
    /// who works in the building (a role over it) and whom the caller manages (every role inside the caller's scope).
    /// An unknown person fails the same way, so the answer says nothing about who exists elsewhere.
    /// </summary>
    private async Task<bool> MayOwnAsync(ClaimsPrincipal user, Guid owner, Guid siteId, CancellationToken ct)
    {
        var assignments = await people.AssignmentsOfAsync(owner, ct);
        var adminScopes = user.ScopesOf(Roles.Administrator).ToList();
        return assignments.Any(a => org.Current.IsWithin(siteId, a.Scope))
            && assignments.All(a => adminScopes.Any(scope => org.Current.IsWithin(a.Scope, scope)));
    }

    /// <summary>A DC-09 account number: 3 to 16 hexadecimal characters, as the panel sends it after '#'.</summary>
    internal static bool IsAccountNumber(string account) => account.Length is >= 3 and <= 16 && account.All(char.IsAsciiHexDigit);
}

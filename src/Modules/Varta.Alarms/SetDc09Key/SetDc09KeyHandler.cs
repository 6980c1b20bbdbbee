using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Alarms.Data;
using Varta.Alarms.ListDevices;
using Varta.Alarms.ReceiveDc09;
using Varta.Platform.Audit;
using Varta.Platform.Http;
using Varta.Platform.Identity;
using Varta.Platform.Localization;
using Varta.Platform.Persistence;

namespace Varta.Alarms.SetDc09Key;

/// <summary>
/// "aes-128", "aes-192" or "aes-256" issues a new key (the old one stops working at once); null turns encryption
/// off. The field must be present, so that an empty body cannot turn encryption off by accident. With
/// <see cref="Dc09Key"/> the panel's existing key is entered instead (hex or its text form); its size is the
/// encryption, so "encryption" may then be null, or name that size.
/// </summary>
internal sealed record Dc09KeyRequest([property: JsonRequired] string? Encryption, string? Dc09Key = null);

/// <summary>
/// The new key (hex) is in this answer once, and never again; null when encryption was turned off. Named
/// <c>dc09Key</c> as in the answer that adds a device. A key the administrator entered is not repeated: null.
/// </summary>
internal sealed record Dc09KeyIssued(DeviceDto Device, string? Dc09Key);

/// <summary>An administrator of the building issues, rotates or removes an intrusion panel's DC-09 key.</summary>
internal sealed class SetDc09KeyHandler(VartaDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, Loc loc, Dc09Keys keys)
{
    public async Task<Outcome<Dc09KeyIssued>> HandleAsync(ClaimsPrincipal user, Guid deviceId, Dc09KeyRequest r, CancellationToken ct)
    {
        var device = await db.Set<Device>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == deviceId, ct);
        if (device is null || !await authorization.AllowsAsync(user, AlarmsPolicies.ManageDc09Key, device.SiteId))
        {
            return Outcome<Dc09KeyIssued>.NotFound();
        }

        var v = new Validator(loc);
        if (r.Encryption is not null)
        {
            v.OneOf("encryption", r.Encryption, Dc09Keys.Encryptions.Keys);
        }

        if (device.Kind != "intrusion-panel" || device.AccountNumber is null)
        {
            v.Fail("encryption", "dc09-panel-only");
        }

        var entered = Dc09Keys.Entered(v, r.Encryption, r.Dc09Key);

        if (!v.IsValid)
        {
            return Outcome<Dc09KeyIssued>.Invalid(v);
        }

        var existing = await db.Set<Dc09Key>().FirstOrDefaultAsync(k => k.DeviceId == deviceId, ct);
        var hadKey = existing is not null;
        byte[]? key = null;
        if (entered is not null || r.Encryption is not null)
        {
            (key, var protectedKey) = entered is null ? keys.Issue(Dc09Keys.Encryptions[r.Encryption!]) : (entered, keys.Protect(entered));
            existing ??= db.Set<Dc09Key>().Add(new Dc09Key { DeviceId = deviceId }).Entity;
            existing.Bits = key.Length * 8;
            existing.Protected = protectedKey;
            existing.IssuedAt = clock.GetUtcNow().UtcDateTime;
            existing.IssuedBy = user.Identity?.Name ?? "?";
        }
        else if (existing is not null)
        {
            db.Set<Dc09Key>().Remove(existing);
        }

        audit.Record(new AuditRecord
        {
            Action = key is null ? "alarms.device.dc09-key-removed" : "alarms.device.dc09-key-issued",
            Category = AuditCategory.Admin,
            ResourceType = "alarm-device",
            ResourceId = deviceId.ToString(),
            OrgUnitId = device.SiteId,
            // Which size and for which account, never the key.
            Details = JsonSerializer.Serialize(new { device.AccountNumber, encryption = key is null ? null : Dc09Keys.EncryptionName(key.Length * 8), keyEntered = entered is not null, previousKeyRevoked = hadKey }),
        });
        await db.SaveChangesAsync(ct);
        await keys.ChangedAsync(ct);
        return Outcome<Dc09KeyIssued>.Ok(new Dc09KeyIssued(DeviceDto.From(device, key?.Length * 8), key is null || entered is not null ? null : Convert.ToHexString(key)));
    }
}

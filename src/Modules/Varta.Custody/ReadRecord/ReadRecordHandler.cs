using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Custody.Documents;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.ReadRecord;

/// <summary>
/// One record, for someone who may read it in its facility, with medical details and risk assessments only for the roles
/// that need them; every read is in the audit log, with what was withheld.
/// </summary>
internal sealed class ReadRecordHandler(VartaDbContext db, IAuthorizationService authorization, RecordReader reader, IAuditLog audit)
{
    /// <summary>Null when there is no such record or it is outside the user's scope: the two are not told apart.</summary>
    public async Task<RecordDto?> ReadAsync(ClaimsPrincipal user, Guid id, bool auditRead, CancellationToken ct)
    {
        var facility = await db.Set<CustodyRecord>().Where(r => r.Id == id).Select(r => (Guid?)r.FacilityId).FirstOrDefaultAsync(ct);
        if (facility is not { } f || !await authorization.AllowsAsync(user, CustodyPolicies.ReadRecord, f))
        {
            return null;
        }

        var access = await FieldProtection.ForAsync(authorization, user, f);
        if (auditRead)
        {
            await audit.AppendAsync(new AuditRecord
            {
                Action = "custody.record.read",
                Category = AuditCategory.Read,
                ResourceType = "custody-record",
                ResourceId = id.ToString(),
                OrgUnitId = f,
                Details = access.Withheld.Count == 0 ? null : JsonSerializer.Serialize(new { withheld = access.Withheld }),
            }, ct);
        }

        var record = await reader.ReadAsync(user, id, ct);
        return record is null || access.Withheld.Count == 0 ? record : Redact(record, access);
    }

    /// <summary>The record without the parts <paramref name="access"/> withholds; what was left out is named on it.</summary>
    public static RecordDto Redact(RecordDto record, CustodyFieldAccess access)
    {
        var types = record.Timeline.ToDictionary(e => e.Id, e => e.Type);
        var timeline = record.Timeline.Select(e =>
            FieldProtection.Hides(access, e.CorrectsEntryId is { } original && types.TryGetValue(original, out var t) ? t : e.Type)
                ? e with { Data = [], CorrectionReason = null, Withheld = true }
                : e).ToList();
        var medicalFlag = record.Flags.FirstOrDefault(f => f is "injuries-on-arrival" or "injuries-in-custody" or "unfit-for-detention" or "hospital-referral");
        return record with
        {
            Timeline = timeline,
            RiskLevel = access.RiskAssessment ? record.RiskLevel : null,
            Flags = FieldProtection.Flags(record.Flags, medicalFlag, access),
            MedicalFindingWithdrawn = access.Medical ? record.MedicalFindingWithdrawn : null,
            Alerts = record.Alerts.Where(a => FieldProtection.Alerts([a.Kind], access).Count > 0).ToList(),
            Withheld = access.Withheld,
        };
    }
}

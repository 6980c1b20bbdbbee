using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.ReadRecord;

/// <summary>One record in full, for someone who may read it in its facility; every read is in the audit log.</summary>
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

        if (auditRead)
        {
            await audit.AppendAsync(new AuditRecord
            {
                Action = "custody.record.read",
                Category = AuditCategory.Read,
                ResourceType = "custody-record",
                ResourceId = id.ToString(),
                OrgUnitId = f,
            }, ct);
        }

        return await reader.ReadAsync(user, id, ct);
    }
}

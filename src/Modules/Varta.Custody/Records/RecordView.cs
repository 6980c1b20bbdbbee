using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Platform.Audit;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.Records;

/// <summary>What the record page needs in one go: the record (its read audited), whether the user may write, the cells.</summary>
internal sealed class RecordView(VartaDbContext db, Access access, RecordReader reader, IAuditLog audit)
{
    public async Task<(RecordDto? Record, bool CanWrite, IReadOnlyList<(Guid Id, string Label)> Cells)> LoadAsync(ClaimsPrincipal user, Guid id, bool auditRead)
    {
        var facility = await db.Set<CustodyRecord>().Where(r => r.Id == id).Select(r => (Guid?)r.FacilityId).FirstOrDefaultAsync();
        if (facility is not { } f || !access.Allows(user, f, CustodyRoles.Readers))
        {
            return (null, false, []);
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
            });
        }

        var cells = await db.Set<Cell>().AsNoTracking().Where(c => c.FacilityId == f && c.InService).ToListAsync();
        var occupancy = await db.Set<CustodyRecord>().Where(r => r.FacilityId == f && r.Status == RecordStatus.InCustody && r.CellId != null)
            .GroupBy(r => r.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count);
        var labels = cells.OrderBy(c => c.Number.Length).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => (c.Id, $"№{c.Number} ({occupancy.GetValueOrDefault(c.Id)}/{c.Capacity})")).ToList();
        return (await reader.ReadAsync(id, CancellationToken.None), access.Allows(user, f, CustodyRoles.Writers), labels);
    }
}

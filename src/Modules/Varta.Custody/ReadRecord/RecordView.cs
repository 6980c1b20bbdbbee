using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Identity;
using Varta.Platform.Persistence;

namespace Varta.Custody.ReadRecord;

/// <summary>What the record page needs in one go: the record (its read audited), whether the user may write, the cells.</summary>
internal sealed class RecordView(VartaDbContext db, IAuthorizationService authorization, ReadRecordHandler records)
{
    public async Task<(RecordDto? Record, bool CanWrite, IReadOnlyList<(Guid Id, string Label)> Cells)> LoadAsync(ClaimsPrincipal user, Guid id, bool auditRead)
    {
        var record = await records.ReadAsync(user, id, auditRead, CancellationToken.None);
        if (record is null)
        {
            return (null, false, []);
        }

        var f = record.FacilityId;
        var cells = await db.Set<Cell>().AsNoTracking().Where(c => c.FacilityId == f && c.InService).ToListAsync();
        var occupancy = await db.Set<CustodyRecord>().Where(r => r.FacilityId == f && r.Status == RecordStatus.InCustody && r.CellId != null)
            .GroupBy(r => r.CellId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key!.Value, x => x.Count);
        var labels = cells.OrderBy(c => c.Number.Length).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => (c.Id, $"№{c.Number} ({occupancy.GetValueOrDefault(c.Id)}/{c.Capacity})")).ToList();
        // Entries, corrections and closing all need the custody officer's role in this facility.
        return (record, await authorization.AllowsAsync(user, CustodyPolicies.AppendEntry, f), labels);
    }
}

using Microsoft.EntityFrameworkCore;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Platform.Persistence;

namespace Varta.Custody.Records;

/// <summary>Custody's answer to other modules (<see cref="ICustodyRecords"/>): summaries mapped here, so custody tables stay custody's.</summary>
internal sealed class CustodyRecords(VartaDbContext db) : ICustodyRecords
{
    public async Task<CustodyRecordSummary?> FindAsync(Guid recordId, CancellationToken cancellationToken)
    {
        var r = await db.Set<CustodyRecord>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == recordId, cancellationToken);
        return r is null ? null : new CustodyRecordSummary(r.Id, r.Number, r.FacilityId, r.Status, r.LegalRegime, RecordReader.Utc(r.DetainedAt),
            r.CourtDeadline is { } court ? RecordReader.Utc(court) : null, RecordReader.Utc(r.MaxDeadline),
            r.ClosedAt is { } closed ? RecordReader.Utc(closed) : null, r.IsMinor, r.InjuriesOnArrival);
    }

    public async Task<IReadOnlyList<CustodyAlertSummary>> OpenAlertsAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var alerts = await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.FacilityId == facilityId && a.ClearedAt == null).ToListAsync(cancellationToken);
        return alerts.OrderBy(a => a.DueAt)
            .Select(a => new CustodyAlertSummary(a.Id, a.RecordId, a.Kind, RecordReader.Utc(a.DueAt), RecordReader.Utc(a.RaisedAt))).ToList();
    }
}

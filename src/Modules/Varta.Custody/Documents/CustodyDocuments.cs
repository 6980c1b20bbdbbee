using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Documents;

/// <summary>Custody's answer to <see cref="ICustodyDocuments"/>: whole records mapped here, with protected parts left out on request.</summary>
internal sealed class CustodyDocuments(VartaDbContext db, OrgDirectory org, IOptions<CustodyOptions> options, IAuthorizationService authorization,
    Cameras.CameraRegistry cameras)
    : ICustodyDocuments
{
    public Task<CustodyFieldAccess> FieldAccessAsync(ClaimsPrincipal user, Guid facilityId) => FieldProtection.ForAsync(authorization, user, facilityId);

    public async Task<CustodyRecordDocument?> ReadAsync(Guid recordId, CustodyFieldAccess access, CancellationToken cancellationToken)
    {
        var record = await db.Set<CustodyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == record.PersonId, cancellationToken);
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == recordId).OrderBy(e => e.Seq).ToListAsync(cancellationToken);
        var cell = record.CellId is { } cellId
            ? await db.Set<Cell>().AsNoTracking().Where(c => c.Id == cellId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var types = entries.ToDictionary(e => e.Id, e => e.Type);
        var corrected = entries.Where(e => e.CorrectsEntryId is not null).ToLookup(e => e.CorrectsEntryId!.Value, e => e.Id);

        bool Hidden(CustodyEntry e) => FieldProtection.Hides(access, e.CorrectsEntryId is { } original && types.TryGetValue(original, out var t) ? t : e.Type);

        var flags = FieldProtection.Flags(RecordReader.Flags(record, person, options.Value), record.MedicalFlag, access);
        return new CustodyRecordDocument(
            record.Id, record.Number, record.FacilityId, org.Current.Find(record.FacilityId)?.DisplayName ?? "", record.Status,
            new CustodyPersonDocument(person.Id, person.Surname, person.GivenName, person.Patronymic, person.DateOfBirth, person.Sex,
                person.Citizenship, person.IdentityDocument, person.PreferredLanguage, person.InterpreterNeeded),
            record.LegalBasis, record.LegalBasisDetail, record.LegalRegime, RecordReader.Utc(record.DetainedAt), record.DetentionPlace,
            RecordReader.Utc(record.ArrivedAt), record.DetainingOfficer, record.ProceedingsNumber, record.IsMinor, cell, record.ObservationLevel,
            access.RiskAssessment ? record.RiskLevel : null, flags,
            Utc(record.CourtDeadline), RecordReader.Utc(record.MaxDeadline), Utc(record.LegalAidNotifiedAt), Utc(record.RelativesNotifiedAt),
            Utc(record.ClosedAt), record.ClosedGrounds,
            entries.Select(e =>
            {
                var hidden = Hidden(e);
                return new CustodyEntryDocument(e.Id, e.Seq, e.Type, RecordReader.Utc(e.OccurredAt), RecordReader.Utc(e.RecordedAt), e.RecordedBy,
                    hidden ? "{}" : e.Data, e.CorrectsEntryId, hidden ? null : e.CorrectionReason, e.VideoCameraId, Utc(e.VideoFrom), Utc(e.VideoTo),
                    corrected[e.Id].ToList(), hidden);
            }).ToList(),
            access.Withheld);
    }

    public async Task<IReadOnlyList<Guid>> RecordsOfPersonAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Set<CustodyRecord>().AsNoTracking().Where(r => r.PersonId == personId).OrderBy(r => r.DetainedAt).Select(r => r.Id)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CustodyRecordLine>> ListAsync(IReadOnlyCollection<Guid> facilityIds, DateTimeOffset? closedSince, int limit,
        CancellationToken cancellationToken)
    {
        var ids = facilityIds.ToList();
        var since = closedSince?.UtcDateTime;
        var rows = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.FacilityId) && (r.Status == RecordStatus.InCustody || (since != null && r.ClosedAt >= since)))
            .OrderByDescending(r => r.DetainedAt).Take(limit)
            .Join(db.Set<Person>(), r => r.PersonId, p => p.Id, (r, p) => new { r, p })
            .GroupJoin(db.Set<Cell>(), x => x.r.CellId, c => c.Id, (x, cells) => new { x.r, x.p, cells })
            .SelectMany(x => x.cells.DefaultIfEmpty(), (x, c) => new
            {
                x.r.Id, x.r.Number, x.r.FacilityId, x.r.Status, PersonId = x.p.Id, x.p.Surname, x.p.GivenName, x.p.Patronymic, x.p.DateOfBirth,
                x.r.CellId, CellNumber = c == null ? null : c.Number, x.r.DetainedAt, x.r.ClosedAt,
            })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.DetainedAt)
            .Select(r => new CustodyRecordLine(r.Id, r.Number, r.FacilityId, r.Status, r.PersonId,
                string.Join(' ', new[] { r.Surname, r.GivenName, r.Patronymic }.Where(s => !string.IsNullOrEmpty(s))), r.DateOfBirth,
                r.CellId, r.CellNumber, RecordReader.Utc(r.DetainedAt), Utc(r.ClosedAt)))
            .ToList();
    }

    public Task<IReadOnlyList<CustodyCameraLine>> CamerasAsync(Guid facilityId, CancellationToken cancellationToken) => cameras.LinesAsync(facilityId, cancellationToken);

    public async Task<IReadOnlyList<CustodyCellLine>> CellsAsync(Guid facilityId, CancellationToken cancellationToken)
    {
        var cells = await db.Set<Cell>().AsNoTracking().Where(c => c.FacilityId == facilityId).ToListAsync(cancellationToken);
        return cells.OrderBy(c => c.Number, StringComparer.Ordinal).Select(c => new CustodyCellLine(c.Id, c.FacilityId, c.Number, c.Capacity, c.InService)).ToList();
    }

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? RecordReader.Utc(v) : null;
}

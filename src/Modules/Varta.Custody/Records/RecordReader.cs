using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Rules;
using Varta.Platform.Identity;
using Varta.Platform.Organisation;
using Varta.Platform.Persistence;

namespace Varta.Custody.Records;

/// <summary>Builds the full view of a record: person, clocks, flags, timeline with corrections, alerts.</summary>
internal sealed class RecordReader(VartaDbContext db, OrgDirectory org, TimeProvider clock, Microsoft.Extensions.Options.IOptions<CustodyOptions> options,
    IAuthorizationService authorization)
{
    /// <summary>The record as <paramref name="viewer"/> may see it: the person's earlier records in other scopes are only counted.</summary>
    public async Task<RecordDto?> ReadAsync(ClaimsPrincipal viewer, Guid id, CancellationToken ct, IReadOnlyList<string>? warnings = null,
        IReadOnlyList<DuplicateCandidateDto>? duplicates = null)
    {
        var record = await db.Set<CustodyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null)
        {
            return null;
        }

        var person = await db.Set<Person>().AsNoTracking().FirstAsync(p => p.Id == record.PersonId, ct);
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordId == id).OrderBy(e => e.Seq).ToListAsync(ct);
        var cell = record.CellId is { } cellId ? await db.Set<Cell>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == cellId, ct) : null;
        var alerts = await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.RecordId == id && a.ClearedAt == null).ToListAsync(ct);
        var earlier = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.PersonId == record.PersonId && r.Id != id)
            .OrderByDescending(r => r.DetainedAt).Take(20).ToListAsync(ct);
        var visible = new List<CustodyRecord>();
        foreach (var r in earlier)
        {
            if (await authorization.AllowsAsync(viewer, CustodyPolicies.ReadRecord, r.FacilityId))
            {
                visible.Add(r);
            }
        }

        var corrected = entries.Where(e => e.CorrectsEntryId is not null).ToLookup(e => e.CorrectsEntryId!.Value, e => e.Id);
        var settings = await db.Set<FacilitySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.FacilityId == record.FacilityId, ct);
        var late = RecordState.LateChecks(RecordState.Effective(entries), record.ArrivedAt, CheckPolicy.For(options.Value, settings));
        var timeline = entries.Select(e => ToDto(e, corrected[e.Id].ToList(), late.Contains(e.Id))).ToList();
        CorrectionRefDto? Ref(Guid? entryId) => entries.FirstOrDefault(e => e.Id == entryId) is { } c
            ? new CorrectionRefDto(c.Id, c.RecordedBy, Utc(c.RecordedAt), c.CorrectionReason)
            : null;
        return new RecordDto(
            record.Id, record.Number, record.FacilityId, org.Current.Find(record.FacilityId)?.DisplayName ?? "", record.Status,
            ToDto(person), record.LegalBasis, record.LegalBasisDetail, record.AdministrativeException, record.DetentionPlace,
            Utc(record.ArrivedAt), record.DetainingOfficer, record.ProceedingsNumber, record.IsMinor,
            cell is null ? null : new CellRefDto(cell.Id, cell.Number),
            record.ObservationLevel, record.RiskLevel, Flags(record, person, options.Value), Clocks(record, clock.GetUtcNow()),
            record.ClosedAt is { } closed ? Utc(closed) : null, record.ClosedGrounds, timeline,
            alerts.Select(ToDto).ToList(),
            visible.Select(r => new EarlierRecordDto(r.Id, r.Number, org.Current.Find(r.FacilityId)?.DisplayName ?? "", r.Status, Utc(r.DetainedAt),
                r.ClosedAt is { } c ? Utc(c) : null)).ToList(),
            warnings ?? [], duplicates ?? [], earlier.Count - visible.Count, Ref(record.DetentionCorrectionId), Ref(record.MedicalFlagCorrectionId),
            AnonymisedAt: record.AnonymisedAt is { } anonymised ? Utc(anonymised) : null);
    }

    public static bool IsLateDelivery(CustodyRecord r, CustodyOptions o) => r.ArrivedAt - r.DetainedAt > o.LateDeliveryAfter;

    public static ClocksDto Clocks(CustodyRecord r, DateTimeOffset now)
    {
        int? Left(DateTime? at) => at is { } t ? (int)Math.Floor((Utc(t) - now).TotalMinutes) : null;
        int? Delay(DateTime? at) => at is { } t ? (int)Math.Round((t - r.DetainedAt).TotalMinutes) : null;
        var open = r.Status == RecordStatus.InCustody;
        return new ClocksDto(r.LegalRegime, Utc(r.DetainedAt),
            r.CourtDeadline is { } court ? Utc(court) : null, Utc(r.MaxDeadline),
            open ? Left(r.CourtDeadline) : null, open ? Left(r.MaxDeadline)!.Value : 0,
            r.NextCheckDue is { } next ? Utc(next) : null, open ? Left(r.NextCheckDue) : null,
            r.LastCheckAt is { } last ? Utc(last) : null,
            r.LegalAidNotifiedAt is { } la ? Utc(la) : null, Delay(r.LegalAidNotifiedAt),
            r.RelativesNotifiedAt is { } rel ? Utc(rel) : null, Delay(r.RelativesNotifiedAt),
            r.LastMealAt is { } meal ? Utc(meal) : null);
    }

    public static IReadOnlyList<string> Flags(CustodyRecord r, Person p, CustodyOptions o)
    {
        var flags = new List<string>();
        if (IsLateDelivery(r, o))
        {
            flags.Add("late-delivery");
        }

        if (r.ClosedAt is { } closed && closed > r.MaxDeadline)
        {
            flags.Add("closed-after-deadline"); // held past the maximum: shown on the record for good, not only in the audit details
        }

        if (r.IsMinor)
        {
            flags.Add("minor");
        }

        if (r.MedicalFlag is { } medical)
        {
            flags.Add(medical);
            if (r.MedicalFlagCorrectionId is not null)
            {
                flags.Add("medical-finding-withdrawn"); // who withdrew it and when: the correction entry named by the record
            }
        }

        if (r.DetentionCorrectionId is not null)
        {
            flags.Add("detention-corrected");
        }

        if (r.PlacementOverride is { } rule)
        {
            flags.Add("placement-override-" + rule);
        }

        if (r.LastCheckLate)
        {
            flags.Add("check-late");
        }

        if (r.RiskLevel is "high")
        {
            flags.Add("high-risk");
        }

        if (p.InterpreterNeeded)
        {
            flags.Add("interpreter");
        }

        return flags;
    }

    public static PersonDto ToDto(Person p) => new(p.Id, p.Surname, p.GivenName, p.Patronymic, p.DateOfBirth, p.Sex, p.Citizenship,
        p.IdentityDocument, p.PreferredLanguage, p.InterpreterNeeded);

    public static EntryDto ToDto(CustodyEntry e, IReadOnlyList<Guid> correctedBy, bool late = false) => new(
        e.Id, e.Seq, e.Type, Utc(e.OccurredAt), Utc(e.RecordedAt), e.RecordedBy,
        JsonNode.Parse(e.Data)?.AsObject() ?? [], e.CorrectsEntryId, e.CorrectionReason,
        e.VideoCameraId is null ? null : new VideoDto(e.VideoCameraId, e.VideoFrom is { } f ? Utc(f) : null, e.VideoTo is { } t ? Utc(t) : null),
        correctedBy, late);

    public static AlertDto ToDto(CustodyAlert a) => new(a.Id, a.RecordId, a.Kind, Utc(a.DueAt), Utc(a.RaisedAt));

    public static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

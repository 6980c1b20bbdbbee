using System.Text.Json;
using Varta.Custody.Contracts;
using Varta.Oversight.Contracts;

namespace Varta.Oversight.SubjectExport;

/// <summary>
/// Everything held about one person that the caller may read (see docs/oversight-export.md): the person, each of their
/// custody records in the caller's scope, the review items and findings about those records, and who read that data and when.
/// </summary>
/// <param name="RecordsLeftOut">How many records about the person lie outside the caller's scope and are not included (where is not said).</param>
/// <param name="Views">Reads of the records, their review items and the person's exports, newest first, at most 1000.</param>
/// <param name="ViewsTruncated">There were more reads than <paramref name="Views"/> holds.</param>
internal sealed record SubjectExportDto(
    CustodyPersonDocument Person,
    DateTimeOffset ExportedAt,
    string ExportedBy,
    IReadOnlyList<SubjectRecordDto> Records,
    int RecordsLeftOut,
    IReadOnlyList<ReviewItemDto> ReviewItems,
    IReadOnlyList<SubjectViewDto> Views,
    bool ViewsTruncated);

/// <summary>A custody record as held; <paramref name="Withheld"/> names the parts left out for this reader.</summary>
internal sealed record SubjectRecordDto(
    Guid Id, string Number, Guid FacilityId, string FacilityName, string Status, string LegalBasis, string? LegalBasisDetail, string LegalRegime,
    DateTimeOffset DetainedAt, string DetentionPlace, DateTimeOffset ArrivedAt, string DetainingOfficer, string? ProceedingsNumber, bool IsMinor,
    string? CellNumber, int ObservationLevel, string? RiskLevel, IReadOnlyList<string> Flags, DateTimeOffset? CourtDeadline, DateTimeOffset MaxDeadline,
    DateTimeOffset? LegalAidNotifiedAt, DateTimeOffset? RelativesNotifiedAt, DateTimeOffset? ClosedAt, string? ClosedGrounds,
    IReadOnlyList<SubjectEntryDto> Entries, IReadOnlyList<string> Withheld)
{
    public static SubjectRecordDto From(CustodyRecordDocument r) => new(
        r.Id, r.Number, r.FacilityId, r.FacilityName, r.Status, r.LegalBasis, r.LegalBasisDetail, r.LegalRegime, r.DetainedAt, r.DetentionPlace,
        r.ArrivedAt, r.DetainingOfficer, r.ProceedingsNumber, r.IsMinor, r.CellNumber, r.ObservationLevel, r.RiskLevel, r.Flags, r.CourtDeadline,
        r.MaxDeadline, r.LegalAidNotifiedAt, r.RelativesNotifiedAt, r.ClosedAt, r.ClosedGrounds,
        r.Entries.Select(e => new SubjectEntryDto(e.Id, e.Seq, e.Type, e.OccurredAt, e.RecordedAt, e.RecordedBy, JsonSerializer.Deserialize<JsonElement>(e.DataJson),
            e.CorrectsEntryId, e.CorrectionReason, e.CorrectedBy, e.VideoCameraId, e.VideoFrom, e.VideoTo, e.Withheld)).ToList(),
        r.Withheld);
}

/// <summary>An entry of a record's timeline, its fields as stored (an empty object when withheld).</summary>
internal sealed record SubjectEntryDto(Guid Id, int Seq, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string RecordedBy,
    JsonElement Data, Guid? CorrectsEntryId, string? CorrectionReason, IReadOnlyList<Guid> CorrectedBy, string? VideoCameraId, DateTimeOffset? VideoFrom,
    DateTimeOffset? VideoTo, bool Withheld);

/// <summary>One read of the person's data: when, by whom, what (the audit action), and which record it was about, if one.</summary>
internal sealed record SubjectViewDto(DateTimeOffset At, string ActorName, string Action, string? RecordNumber);

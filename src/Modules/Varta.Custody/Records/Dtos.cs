using System.Text.Json.Nodes;

namespace Varta.Custody.Records;

internal sealed record PersonDto(Guid Id, string Surname, string GivenName, string? Patronymic, DateOnly DateOfBirth, string Sex,
    string Citizenship, string? IdentityDocument, string? PreferredLanguage, bool InterpreterNeeded)
{
    public string FullName => string.Join(' ', new[] { Surname, GivenName, Patronymic }.Where(s => !string.IsNullOrEmpty(s)));
}

internal sealed record ClocksDto(
    string LegalRegime,
    DateTimeOffset DetainedAt,
    DateTimeOffset? CourtDeadline,
    DateTimeOffset MaxDeadline,
    int? CourtMinutesLeft,
    int MaxMinutesLeft,
    DateTimeOffset? NextCheckDue,
    int? CheckMinutesLeft,
    DateTimeOffset? LastCheckAt,
    DateTimeOffset? LegalAidNotifiedAt,
    int? LegalAidDelayMinutes,
    DateTimeOffset? RelativesNotifiedAt,
    int? RelativesDelayMinutes,
    DateTimeOffset? LastMealAt);

internal sealed record VideoDto(string CameraId, DateTimeOffset? From, DateTimeOffset? To);

/// <param name="Late">A welfare check recorded after it was due.</param>
/// <param name="Withheld">Medical or a risk assessment (or a correction of one) that this reader may not see: its fields are left out.</param>
internal sealed record EntryDto(Guid Id, int Seq, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string RecordedBy,
    JsonObject Data, Guid? CorrectsEntryId, string? CorrectionReason, VideoDto? Video, IReadOnlyList<Guid> CorrectedBy, bool Late = false,
    bool Withheld = false);

/// <summary>A correction the inspector must see: which entry made it, who, when and why.</summary>
internal sealed record CorrectionRefDto(Guid EntryId, string RecordedBy, DateTimeOffset RecordedAt, string? Reason);

internal sealed record CellRefDto(Guid Id, string Number);

internal sealed record AlertDto(Guid Id, Guid RecordId, string Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt);

internal sealed record EarlierRecordDto(Guid Id, string Number, string FacilityName, string Status, DateTimeOffset DetainedAt, DateTimeOffset? ClosedAt);

internal sealed record RecordDto(
    Guid Id,
    string Number,
    Guid FacilityId,
    string FacilityName,
    string Status,
    PersonDto Person,
    string LegalBasis,
    string? LegalBasisDetail,
    string? AdministrativeException,
    string DetentionPlace,
    DateTimeOffset ArrivedAt,
    string DetainingOfficer,
    string? ProceedingsNumber,
    bool IsMinor,
    CellRefDto? Cell,
    int ObservationLevel,
    string? RiskLevel,
    IReadOnlyList<string> Flags,
    ClocksDto Clocks,
    DateTimeOffset? ClosedAt,
    string? ClosedGrounds,
    IReadOnlyList<EntryDto> Timeline,
    IReadOnlyList<AlertDto> Alerts,
    IReadOnlyList<EarlierRecordDto> EarlierRecords,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<DuplicateCandidateDto> DuplicateCandidates,
    int EarlierRecordsElsewhere = 0,
    CorrectionRefDto? DetentionCorrected = null,
    CorrectionRefDto? MedicalFindingWithdrawn = null,
    IReadOnlyList<string>? Withheld = null,
    DateTimeOffset? AnonymisedAt = null);

/// <summary>
/// A person with the same name and date of birth. Outside the caller's scope only that such a person has records
/// elsewhere (<see cref="Elsewhere"/>), never who, which records or where.
/// </summary>
internal sealed record DuplicateCandidateDto(Guid? PersonId, string? FullName, DateOnly DateOfBirth, string? LastRecordNumber, bool Elsewhere = false);

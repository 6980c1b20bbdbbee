using System.Security.Claims;

namespace Varta.Custody.Contracts;

/// <summary>
/// Which protected parts of a record a reader gets (rules for information rights in custody records): medical details
/// (medical examinations, medication, medical flags) and risk assessments (the assessments, the risk level).
/// </summary>
public sealed record CustodyFieldAccess(bool Medical, bool RiskAssessment)
{
    public static CustodyFieldAccess Full { get; } = new(true, true);

    public const string MedicalPart = "medical";

    public const string RiskPart = "risk-assessment";

    /// <summary>The parts left out, by name ("medical", "risk-assessment"): what the audit record and the reader are told.</summary>
    public IReadOnlyList<string> Withheld => [.. Medical ? Array.Empty<string>() : [MedicalPart], .. RiskAssessment ? Array.Empty<string>() : [RiskPart]];
}

/// <summary>The person a record is about.</summary>
public sealed record CustodyPersonDocument(Guid Id, string Surname, string GivenName, string? Patronymic, DateOnly DateOfBirth, string Sex,
    string Citizenship, string? IdentityDocument, string? PreferredLanguage, bool InterpreterNeeded)
{
    public string FullName => string.Join(' ', new[] { Surname, GivenName, Patronymic }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>One entry of the timeline as stored, with the entries that correct it.</summary>
/// <param name="DataJson">The entry's fields as a JSON object; "{}" when <paramref name="Withheld"/>.</param>
/// <param name="Withheld">The entry is medical or a risk assessment (or corrects one) and the reader may not see its details.</param>
public sealed record CustodyEntryDocument(Guid Id, int Seq, string Type, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string RecordedBy,
    string DataJson, Guid? CorrectsEntryId, string? CorrectionReason, string? VideoCameraId, DateTimeOffset? VideoFrom, DateTimeOffset? VideoTo,
    IReadOnlyList<Guid> CorrectedBy, bool Withheld);

/// <summary>
/// A whole custody record, for a printable record, a grantee's view or a data-subject export. Parts the reader may not see
/// are left out and named in <see cref="Withheld"/>.
/// </summary>
public sealed record CustodyRecordDocument(
    Guid Id,
    string Number,
    Guid FacilityId,
    string FacilityName,
    string Status,
    CustodyPersonDocument Person,
    string LegalBasis,
    string? LegalBasisDetail,
    string LegalRegime,
    DateTimeOffset DetainedAt,
    string DetentionPlace,
    DateTimeOffset ArrivedAt,
    string DetainingOfficer,
    string? ProceedingsNumber,
    bool IsMinor,
    string? CellNumber,
    int ObservationLevel,
    string? RiskLevel,
    IReadOnlyList<string> Flags,
    DateTimeOffset? CourtDeadline,
    DateTimeOffset MaxDeadline,
    DateTimeOffset? LegalAidNotifiedAt,
    DateTimeOffset? RelativesNotifiedAt,
    DateTimeOffset? ClosedAt,
    string? ClosedGrounds,
    IReadOnlyList<CustodyEntryDocument> Entries,
    IReadOnlyList<string> Withheld);

/// <summary>One line of a facility's list of records: who, where they are held, since when.</summary>
public sealed record CustodyRecordLine(Guid RecordId, string Number, Guid FacilityId, string Status, Guid PersonId, string PersonName,
    DateOnly DateOfBirth, Guid? CellId, string? CellNumber, DateTimeOffset DetainedAt, DateTimeOffset? ClosedAt);

/// <summary>A camera of a facility's registry: its code as entries name it, the room and its type, whether it records sound.</summary>
public sealed record CustodyCameraLine(Guid Id, Guid FacilityId, string Code, string Room, string RoomType, bool HasAudio, bool InService);

/// <summary>A cell of a facility, as a monitor needs it on a visit.</summary>
public sealed record CustodyCellLine(Guid Id, Guid FacilityId, string Number, int Capacity, bool InService);

/// <summary>
/// Whole records for other modules (oversight: printing, grantees, visits, data-subject exports). No access check is made
/// here: the calling module decides who may see what, asks for the fields they may see, and audits its reads.
/// </summary>
public interface ICustodyDocuments
{
    /// <summary>
    /// What custody's own rules let this user see of records at a facility (medical details and risk assessments need their
    /// roles held over it): for a module that shows a record to one of its own users.
    /// </summary>
    Task<CustodyFieldAccess> FieldAccessAsync(ClaimsPrincipal user, Guid facilityId);

    /// <summary>The record with the parts <paramref name="access"/> allows, or null when there is no such record.</summary>
    Task<CustodyRecordDocument?> ReadAsync(Guid recordId, CustodyFieldAccess access, CancellationToken cancellationToken);

    /// <summary>The ids of every record about a person, oldest first (empty when there is no such person).</summary>
    Task<IReadOnlyList<Guid>> RecordsOfPersonAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>
    /// The records of the given facilities: those in custody now, and when <paramref name="closedSince"/> is given also those
    /// closed since then; the most recently detained first, at most <paramref name="limit"/>.
    /// </summary>
    Task<IReadOnlyList<CustodyRecordLine>> ListAsync(IReadOnlyCollection<Guid> facilityIds, DateTimeOffset? closedSince, int limit,
        CancellationToken cancellationToken);

    /// <summary>The cameras of a facility's registry, by code.</summary>
    Task<IReadOnlyList<CustodyCameraLine>> CamerasAsync(Guid facilityId, CancellationToken cancellationToken);

    /// <summary>The cells of a facility, by number.</summary>
    Task<IReadOnlyList<CustodyCellLine>> CellsAsync(Guid facilityId, CancellationToken cancellationToken);
}

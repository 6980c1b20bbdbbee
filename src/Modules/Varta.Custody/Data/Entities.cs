using Varta.Platform.Persistence;

namespace Varta.Custody.Data;

internal sealed class Cell
{
    public Guid Id { get; set; }

    public Guid FacilityId { get; set; }

    public string Number { get; set; } = "";

    public int Capacity { get; set; }

    public decimal FloorArea { get; set; }

    public bool HasWindow { get; set; }

    public bool HasVentilation { get; set; }

    public bool HasToilet { get; set; }

    public bool HasCallButton { get; set; }

    public string CameraIds { get; set; } = "";

    public bool InService { get; set; } = true;

    /// <summary>Bumped on every placement into or out of the cell: two officers filling the last place cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>Per-facility overrides of the check intervals and floor area.</summary>
/// <summary>
/// A camera of a facility's video surveillance, by the code entries use for it, with the room it watches. A camera in a
/// room for confidential lawyer consultations never records sound that an entry may reference.
/// </summary>
internal sealed class Camera
{
    public Guid Id { get; set; }

    public Guid FacilityId { get; set; }

    public string Code { get; set; } = "";

    public string Room { get; set; } = "";

    /// <summary>One of <see cref="RoomTypes"/>.</summary>
    public string RoomType { get; set; } = "";

    public bool HasAudio { get; set; }

    public bool InService { get; set; } = true;
}

internal static class RoomTypes
{
    public const string LawyerConsultation = "lawyer-consultation";

    public static readonly string[] All = ["cell", "corridor", "reception", "exercise-yard", "medical", "visits", LawyerConsultation, "other"];
}

internal sealed class FacilitySettings
{
    public Guid FacilityId { get; set; }

    public int? L1Minutes { get; set; }

    public int? L2Minutes { get; set; }

    public int? L3Minutes { get; set; }

    public int? L4Minutes { get; set; }

    public decimal? MinFloorAreaPerPerson { get; set; }
}

internal sealed class Person
{
    public Guid Id { get; set; }

    public string Surname { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string? Patronymic { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string Sex { get; set; } = "";

    public string Citizenship { get; set; } = "";

    public string? IdentityDocument { get; set; }

    public string? PreferredLanguage { get; set; }

    public bool InterpreterNeeded { get; set; }

    /// <summary>Upper-cased surname and given name, for search and duplicate warnings.</summary>
    public string SearchKey { get; set; } = "";
}

internal sealed class CustodyRecord : IStamped
{
    public Guid Id { get; set; }

    public Guid FacilityId { get; set; }

    public int Year { get; set; }

    public int Sequence { get; set; }

    public string Number { get; set; } = "";

    public Guid PersonId { get; set; }

    public string Status { get; set; } = RecordStatus.InCustody;

    public string LegalBasis { get; set; } = "";

    public string? LegalBasisDetail { get; set; }

    public string? AdministrativeException { get; set; }

    public string LegalRegime { get; set; } = "";

    public DateTime DetainedAt { get; set; }

    public string DetentionPlace { get; set; } = "";

    public DateTime ArrivedAt { get; set; }

    public string DetainingOfficer { get; set; } = "";

    public string? ProceedingsNumber { get; set; }

    public DateTime? CourtDeadline { get; set; }

    public DateTime MaxDeadline { get; set; }

    public bool IsMinor { get; set; }

    public Guid? CellId { get; set; }

    public int ObservationLevel { get; set; } = 1;

    public string? RiskLevel { get; set; }

    public bool InjuriesOnArrival { get; set; }

    /// <summary>
    /// The medical safeguard's flag (CPT): injuries on arrival or later, unfit for detention, or a hospital referral, as
    /// found by the first examination that raised it. It stays when a correction withdraws the finding.
    /// </summary>
    public string? MedicalFlag { get; set; }

    /// <summary>The correction entry that withdrew the finding behind <see cref="MedicalFlag"/> (who and when); the flag stays.</summary>
    public Guid? MedicalFlagCorrectionId { get; set; }

    public DateTime? FirstMedicalAt { get; set; }

    /// <summary>For a minor (CPC art. 213): a parent or other legal representative notified — not any relative.</summary>
    public DateTime? ParentsNotifiedAt { get; set; }

    public DateTime? GuardianshipNotifiedAt { get; set; }

    /// <summary>The latest correction of the actual moment, place or basis of detention (flagged for the inspector).</summary>
    public Guid? DetentionCorrectionId { get; set; }

    /// <summary>The placement rule overridden (with a senior's authority and a reason) for the current cell, if any.</summary>
    public string? PlacementOverride { get; set; }

    /// <summary>Whether the latest welfare check was recorded after it was due.</summary>
    public bool LastCheckLate { get; set; }

    public DateTime? LegalAidNotifiedAt { get; set; }

    public DateTime? RelativesNotifiedAt { get; set; }

    public DateTime? LastCheckAt { get; set; }

    public DateTime? NextCheckDue { get; set; }

    public DateTime? LastMealAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedGrounds { get; set; }

    public int EntryCount { get; set; }

    /// <summary>When the retention job removed the personal data (see <c>Retention/Anonymiser</c>); the record is never processed again.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

internal sealed class CustodyEntry : IStamped
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    /// <summary>Position in the record's timeline, 1-based.</summary>
    public int Seq { get; set; }

    public string Type { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public string AuthorId { get; set; } = "";

    /// <summary>The type's own fields as a JSON object, validated against its <see cref="Rules.EntryCatalog"/> spec.</summary>
    public string Data { get; set; } = "{}";

    public Guid? CorrectsEntryId { get; set; }

    public string? CorrectionReason { get; set; }

    public string? VideoCameraId { get; set; }

    public DateTime? VideoFrom { get; set; }

    public DateTime? VideoTo { get; set; }

    /// <summary>The entry says the clip has sound.</summary>
    public bool VideoAudio { get; set; }
}

internal sealed class CustodyAlert
{
    public Guid Id { get; set; }

    public Guid RecordId { get; set; }

    public Guid FacilityId { get; set; }

    public string Kind { get; set; } = "";

    public DateTime DueAt { get; set; }

    public DateTime RaisedAt { get; set; }

    public DateTime? ClearedAt { get; set; }
}

internal static class RecordStatus
{
    public const string InCustody = "in-custody";
    public const string Released = "released";
    public const string Transferred = "transferred";
}

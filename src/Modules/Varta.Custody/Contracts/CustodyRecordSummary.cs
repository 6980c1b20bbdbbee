namespace Varta.Custody.Contracts;

/// <summary>A custody record as another module sees it: its number, state and deadlines, without the person's details.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Number">The record's number, e.g. "ITT-KYIV-1/2026/00042".</param>
/// <param name="FacilityId">The detention facility (organisation unit) the record belongs to.</param>
/// <param name="Status">"in-custody", "released" or "transferred".</param>
/// <param name="LegalRegime">The legal regime whose deadlines apply, e.g. "ordinary".</param>
/// <param name="DetainedAt">The actual moment of detention, from which the deadlines run.</param>
/// <param name="CourtDeadline">When the person must be brought before a court, where the regime sets such a deadline.</param>
/// <param name="MaxDeadline">The latest moment the person may be held without a court decision.</param>
/// <param name="ClosedAt">When the person was released or transferred; null while in custody.</param>
/// <param name="IsMinor">Whether the person was under 18 when detained.</param>
/// <param name="InjuriesOnArrival">Whether the first medical examination found injuries.</param>
public sealed record CustodyRecordSummary(
    Guid Id,
    string Number,
    Guid FacilityId,
    string Status,
    string LegalRegime,
    DateTimeOffset DetainedAt,
    DateTimeOffset? CourtDeadline,
    DateTimeOffset MaxDeadline,
    DateTimeOffset? ClosedAt,
    bool IsMinor,
    bool InjuriesOnArrival);

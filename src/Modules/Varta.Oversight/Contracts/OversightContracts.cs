namespace Varta.Oversight.Contracts;

/// <summary>An item of the inspectors' review queue.</summary>
/// <param name="Rule">The rule that raised it (notification-late, injuries, use-of-force…).</param>
/// <param name="SourceKind">The custody fact it came from: "alert" (with <paramref name="Detail"/> the alert's kind) or an entry's kind.</param>
/// <param name="OccurredAt">When it happened, by the record.</param>
/// <param name="RaisedAt">When custody stored the fact.</param>
/// <param name="QueuedAt">When it entered the queue; the item's age runs from here.</param>
public sealed record ReviewItemDto(
    Guid Id, Guid FacilityId, string FacilityName, Guid RecordId, string RecordNumber, string Rule, Guid SourceId, string SourceKind, string? Detail,
    DateTimeOffset OccurredAt, DateTimeOffset RaisedAt, DateTimeOffset QueuedAt, string Status, string? Conclusion, string? ClosingNote,
    DateTimeOffset? ClosedAt, string? ClosedBy, IReadOnlyList<FindingDto> Findings);

/// <summary>
/// What an inspector found: a violation type from the catalogue, in their words, with what must be done, by whom, by
/// when; and the follow-up: when it was acted on, and how.
/// </summary>
public sealed record FindingDto(Guid Id, string ViolationType, string Text, string? Recommendation, string? Responsible, DateTimeOffset? DueBy,
    DateTimeOffset RecordedAt, string RecordedBy, DateTimeOffset? ActedAt = null, string? ActedNote = null, string? ActedRecordedBy = null);

/// <summary>A follow-up on a finding: what was done about it (by whom it was checked is the caller).</summary>
public sealed record FollowUpRequest(string? Note);

/// <summary>A facility's open review items by how long they have waited, and its findings past their due date and not acted on.</summary>
public sealed record FacilityQueueDto(Guid FacilityId, string FacilityName, int Open, int UnderOneDay, int OneToSevenDays, int OverSevenDays,
    DateTimeOffset? OldestQueuedAt, int FindingsOverdue);

/// <summary>A finding to add to an item; <c>dueBy</c> is an instant with its offset (ISO 8601), or absent.</summary>
public sealed record FindingRequest(string? ViolationType, string? Text, string? Recommendation, string? Responsible, string? DueBy);

/// <summary>Closing an item: "violation" (needs at least one finding) or "no-violation", with a note.</summary>
public sealed record CloseRequest(string? Conclusion, string? Note);

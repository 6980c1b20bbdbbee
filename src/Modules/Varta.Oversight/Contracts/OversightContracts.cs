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

/// <summary>
/// A report over a unit (a detention facility, or a region and the facilities under it that the caller may read) and a
/// period of Kyiv days, <paramref name="From"/> to <paramref name="To"/> inclusive: one row per facility and a total.
/// </summary>
/// <param name="From">The first day, yyyy-MM-dd (Kyiv).</param>
/// <param name="To">The last day, yyyy-MM-dd (Kyiv), included.</param>
/// <param name="LegalAidThresholdMinutes">The time after the actual detention within which legal aid is to be notified.</param>
public sealed record ReportDto(Guid UnitId, string UnitName, string From, string To, int LegalAidThresholdMinutes,
    IReadOnlyList<ReportRowDto> Facilities, ReportRowDto Total);

/// <summary>A facility's figures for the period (the total row has no facility id). See issue 13 and the README.</summary>
/// <param name="Detentions">Records whose actual moment of detention falls in the period.</param>
/// <param name="Closed">Records released or transferred in the period.</param>
/// <param name="MedianMinutesInCustody">Of the records closed in the period: the median time from detention to release or transfer, in minutes.</param>
/// <param name="MaxMinutesInCustody">Of the records closed in the period: the longest time in custody, in minutes.</param>
/// <param name="LegalAidWithinThreshold">Of the detentions: legal aid notified within the threshold.</param>
/// <param name="LegalAidNotifiedOrDue">Of the detentions: legal aid notified, or its threshold passed without a notification.</param>
/// <param name="LegalAidShare">Within ÷ notified or due, 0–1, rounded to 3 places; null when none is due.</param>
/// <param name="ChecksMissed">Welfare checks that became overdue in the period (custody's check-overdue alerts by their due time).</param>
/// <param name="InjuriesOnArrival">Of the detentions: injuries found by the first medical examination.</param>
/// <param name="Complaints">Complaints that occurred in the period.</param>
/// <param name="UseOfForce">Uses of force or special means that occurred in the period.</param>
/// <param name="Corrections">Corrections of the record made in the period.</param>
/// <param name="ItemsOpened">Review items queued in the period.</param>
/// <param name="ItemsClosed">Review items an inspector closed in the period.</param>
/// <param name="FindingsRecorded">Inspector findings recorded in the period.</param>
/// <param name="FindingsActedOn">Findings whose recommendation was seen acted on in the period.</param>
public sealed record ReportRowDto(Guid? FacilityId, string Name, int Detentions, int Closed, double? MedianMinutesInCustody, int? MaxMinutesInCustody,
    int LegalAidWithinThreshold, int LegalAidNotifiedOrDue, double? LegalAidShare, int ChecksMissed, int InjuriesOnArrival, int Complaints, int UseOfForce,
    int Corrections, int ItemsOpened, int ItemsClosed, int FindingsRecorded, int FindingsActedOn);

/// <summary>A unit a report may be asked for: a region (or other unit above facilities) or a detention facility.</summary>
public sealed record ReportUnitDto(Guid Id, string Name, bool IsFacility);

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
/// A grant of read-only access to custody records for an outside body (prosecutor, the Ombudsman's national preventive
/// mechanism, a free legal aid centre): one person, facilities under one unit, a time box, what it shows.
/// </summary>
/// <param name="Body">"prosecutor", "ombudsman-npm" or "legal-aid-centre".</param>
/// <param name="State">"active", "not-yet", "expired" or "revoked", judged now.</param>
public sealed record GrantDto(Guid Id, Guid GranteeUserId, string GranteeName, string Body, Guid ScopeUnitId, string ScopeName,
    DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, bool ShowMedical, bool ShowRiskAssessment, string Purpose, string State,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, string? RevokeReason);

/// <summary>A grant to create; instants with their offset (ISO 8601). Nothing is shown of medical details or risk assessments unless asked.</summary>
public sealed record GrantRequest(Guid? GranteeUserId, string? Body, Guid? ScopeUnitId, string? ValidFrom, string? ValidUntil, bool? ShowMedical,
    bool? ShowRiskAssessment, string? Purpose);

/// <summary>Revoking a grant, with why.</summary>
public sealed record RevokeRequest(string? Reason);

/// <summary>Someone who may receive a grant: a person holding the external monitor's role.</summary>
public sealed record GranteeCandidateDto(Guid UserId, string DisplayName);

/// <summary>A record a grantee may open: who is or was held, where, since when.</summary>
public sealed record GrantRecordLineDto(Guid RecordId, string Number, Guid FacilityId, string FacilityName, string Status, string PersonName,
    string? CellNumber, DateTimeOffset DetainedAt, DateTimeOffset? ClosedAt);

/// <summary>One look by a grantee at a record, as listed to the facility's head.</summary>
public sealed record GranteeViewDto(Guid Id, Guid GrantId, string GranteeName, string Body, Guid FacilityId, string FacilityName, Guid? RecordId,
    string? RecordNumber, string What, DateTimeOffset ViewedAt);

/// <summary>
/// An unannounced visit: the register of who should be in custody at a facility at its start and in which cell, what the
/// monitor found, and the discrepancies (sent to the inspectors' queue when the visit is closed).
/// </summary>
public sealed record VisitDto(Guid Id, Guid GrantId, Guid FacilityId, string FacilityName, string MonitorName, DateTimeOffset StartedAt,
    DateTimeOffset? ClosedAt, string? Summary, IReadOnlyList<VisitLineDto> Lines, int Discrepancies);

/// <summary>
/// One line of a visit: a registered person (with the cell the register gives) or a person found who is not registered.
/// </summary>
/// <param name="Result">"unchecked", "found", "absent", "other-cell" or "unregistered".</param>
public sealed record VisitLineDto(Guid Id, Guid? RecordId, string? RecordNumber, string PersonName, string? RegisteredCell, string Result,
    string? FoundCell, string? Note, DateTimeOffset? CheckedAt);

/// <summary>Starting a visit at a facility the grant covers.</summary>
public sealed record VisitStartRequest(Guid? FacilityId);

/// <summary>What the monitor found of a registered person: "found", "absent" or "other-cell" (with the cell they were in).</summary>
public sealed record VisitMarkRequest(string? Result, string? Cell, string? Note);

/// <summary>A person found at the facility who is not on the register: where, and who as the monitor can describe them.</summary>
public sealed record VisitUnregisteredRequest(string? Description, string? Cell);

/// <summary>Closing a visit, with the monitor's summary; unchecked people are discrepancies too.</summary>
public sealed record VisitCloseRequest(string? Summary);

/// <summary>A request to see footage: which camera and time range, why, and what was decided.</summary>
/// <param name="Status">"pending", "approved" or "refused".</param>
public sealed record FootageRequestDto(Guid Id, Guid FacilityId, string FacilityName, string CameraCode, string Room, DateTimeOffset From, DateTimeOffset To,
    string Reason, Guid? RecordId, string Status, DateTimeOffset RequestedAt, string RequestedBy, string? DecidedBy, DateTimeOffset? DecidedAt,
    string? DecisionNote, int Views);

/// <summary>Asking to see footage: instants with their offset (ISO 8601), within the retention period.</summary>
public sealed record FootageRequestBody(Guid? FacilityId, string? CameraCode, string? From, string? To, string? Reason, Guid? RecordId);

/// <summary>Approving or refusing a footage request ("approve" or "refuse"), with a note.</summary>
public sealed record FootageDecisionBody(string? Decision, string? Note);

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

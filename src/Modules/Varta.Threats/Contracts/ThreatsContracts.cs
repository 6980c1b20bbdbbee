namespace Varta.Threats.Contracts;

/// <summary>
/// A threat report to file. <c>occurredAt</c> is an instant with its offset (ISO 8601), as the reporter remembers it.
/// <c>onBehalfOf</c> (a security officer or analyst filing for someone) names the person it happened to.
/// </summary>
/// <param name="Channel">letter, phone, email, social-media, messenger, in-person, at-home or other.</param>
/// <param name="Target">self, colleague, family or court; <paramref name="TargetName"/> is required for colleague and family.</param>
public sealed record ReportRequest(Guid? CourtId, string? OccurredAt, string? Channel, string? Target, string? TargetName, string? Description,
    bool? SourceKnown, string? SourceName, string? SourceDetails, string? CourtCaseNumber, Guid? OnBehalfOf);

/// <summary>A file sent with a report: its name, the type the client gave, and the content.</summary>
public sealed record AttachmentUpload(string FileName, string? ContentType, byte[] Content);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Length, string Sha256);

/// <summary>A report as its reporter (and the analysts of its court) see it.</summary>
/// <param name="Status">submitted or triaged.</param>
/// <param name="CaseStatus">The case's status when triaged: what the reporter is told of the case, nothing more.</param>
public sealed record ReportDto(Guid Id, Guid CourtId, string CourtName, Guid ReporterUserId, string ReporterName, string FiledByName, DateTimeOffset OccurredAt,
    string Channel, string Target, string? TargetName, string Description, bool SourceKnown, string? SourceName, string? SourceDetails,
    string? CourtCaseNumber, string Status, string? Tier, string? CaseStatus, DateTimeOffset RecordedAt, IReadOnlyList<AttachmentDto> Attachments);

/// <summary>A report waiting for triage, with the cases of a known source it names (the analyst links them).</summary>
public sealed record TriageLineDto(ReportDto Report, Guid? KnownSourceId, string? KnownSourceName, IReadOnlyList<CaseLineDto> SourceCases);

/// <summary>
/// Triage of a report: its tier, and either a case to link it to (<c>caseId</c>) or a new case with its priority.
/// A new case takes the source the report names (a known one when the name matches).
/// </summary>
public sealed record TriageRequest(string? Tier, Guid? CaseId, string? Priority, string? Summary);

/// <summary>A case in the analysts' list.</summary>
/// <param name="Overdue">"assessment" when no assessment counts and the due time has passed; "measures" when an imminent
/// risk has no measure started in time; null otherwise.</param>
public sealed record CaseLineDto(Guid Id, string Number, Guid CourtId, string CourtName, string Tier, string Priority, string Status, string Summary,
    string? RiskLevel, string? AnalystName, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? AssessedAt, DateTimeOffset? MeasuresDueAt,
    string? Overdue, DateTimeOffset LastActivityAt);

public sealed record CaseListDto(IReadOnlyList<CaseLineDto> Cases, string? Next);

public sealed record ProtectedPersonDto(Guid Id, Guid? UserId, string Name, string Relation);

public sealed record SourceDto(Guid Id, string Name, string? Details, IReadOnlyList<CaseLineDto> OtherCases);

public sealed record CaseEventDto(DateTimeOffset At, string ActorName, string Kind, string? Text);

/// <summary>A structured professional judgement.</summary>
/// <param name="Review">not-required, pending, approved or returned; high and imminent count only once approved.</param>
public sealed record AssessmentDto(Guid Id, int Version, string Stage, IReadOnlyList<string> Behaviours, string? History, string? ProtectiveFactors,
    string RiskLevel, string Reasons, Guid AssessorUserId, string AssessorName, DateTimeOffset AssessedAt, string Review, string? ReviewerName,
    DateTimeOffset? ReviewedAt, string? ReviewNote, bool Counts);

public sealed record MeasureDto(Guid Id, Guid CaseId, string CaseNumber, Guid? ProtectedPersonId, string? ProtectedName, string TypeCode, string TypeName,
    Guid? AssigneeUnitId, Guid? AssigneeUserId, string AssigneeName, DateOnly StartsOn, DateOnly? EndsOn, DateOnly? ReviewOn, string Status,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, string? Notes, Guid? DeviceId = null, string? DeviceSecret = null);

public sealed record CaseDto(CaseLineDto Case, IReadOnlyList<string> CourtCases, string? ClosingReason, SourceDto? Source,
    IReadOnlyList<ProtectedPersonDto> Persons, IReadOnlyList<ReportDto> Reports, IReadOnlyList<AssessmentDto> Assessments,
    IReadOnlyList<MeasureDto> Measures, IReadOnlyList<CaseEventDto> Timeline);

/// <summary>Changes to a case; absent fields stay as they are. <c>status</c> "closed" needs <c>reason</c>.</summary>
public sealed record CaseUpdateRequest(string? Status, string? Priority, Guid? AnalystUserId, string? CourtCases, string? Reason);

/// <summary>Someone to protect on a case: a user of Varta (<c>userId</c>), or a named family member with the user who is told.</summary>
public sealed record PersonRequest(Guid? UserId, string? Name, string? Relation);

/// <summary>A line of the communications log or a note, with when it happened.</summary>
public sealed record NoteRequest(string? Text, string? OccurredAt);

/// <summary>An assessment to record. <c>behaviours</c> are codes of the eight warning behaviours.</summary>
public sealed record AssessmentRequest(string? Stage, IReadOnlyList<string>? Behaviours, string? History, string? ProtectiveFactors, string? RiskLevel,
    string? Reasons);

/// <summary>A second person's review: "approve" or "return", with a note (required to return).</summary>
public sealed record ReviewRequest(string? Decision, string? Note);

public sealed record MeasureTypeDto(string Code, string NameUk, string NameEn, bool Active, int Order);

public sealed record MeasureTypeRequest(string? Code, string? NameUk, string? NameEn, bool? Active, int? Order);

/// <summary>
/// A measure to take: a type from the catalogue, assigned to a unit or an officer (one of them), from a date, with
/// an optional end and review date (yyyy-MM-dd).
/// </summary>
public sealed record MeasureRequest(string? TypeCode, Guid? ProtectedPersonId, Guid? AssigneeUnitId, Guid? AssigneeUserId, string? StartsOn, string? EndsOn,
    string? ReviewOn, string? Notes);

/// <summary>Starting, ending or cancelling a measure: "active", "ended" or "cancelled".</summary>
public sealed record MeasureStatusRequest(string? Status, string? Note);

/// <summary>A measure as the person protected sees it: what, who is on it, the dates and status; nothing of the case.</summary>
public sealed record MyMeasureDto(Guid Id, string TypeName, string ProtectedName, string AssigneeName, DateOnly StartsOn, DateOnly? EndsOn, string Status,
    DateTimeOffset? StartedAt);

/// <summary>The dashboard of a unit's cases: open cases by status and risk, and those overdue.</summary>
/// <param name="MeasuresToReview">Planned or active measures of open cases whose review date has come (today in Kyiv or before).</param>
public sealed record DashboardDto(int Open, IReadOnlyDictionary<string, int> ByStatus, IReadOnlyDictionary<string, int> ByRisk, int PendingReviews,
    IReadOnlyList<CaseLineDto> Overdue, IReadOnlyList<CaseLineDto> DueSoon, IReadOnlyList<MeasureDto> MeasuresToReview);

/// <summary>Someone a report may be filed for, or a case assigned to.</summary>
public sealed record PersonOptionDto(Guid UserId, string DisplayName);

/// <summary>A court the caller may file a report at.</summary>
public sealed record CourtOptionDto(Guid Id, string Name);

/// <summary>
/// A security advisory to issue. <c>audience</c>: "person" (with <c>userId</c>), "court" (everyone who works at
/// <c>unitId</c>) or "group" (those of <c>unitId</c> holding <c>role</c>: judge, court-staff, security-officer).
/// <c>kind</c>: "general" or "individual". <c>requestId</c> answers a recommendation request (the advisory goes to its requester).
/// </summary>
public sealed record AdvisoryRequest(string? Audience, Guid? UserId, Guid? UnitId, string? Role, string? Kind, string? Title, string? Body, Guid? CaseId,
    Guid? RequestId);

public sealed record ReceiptDto(Guid UserId, string Name, DateTimeOffset? ReadAt);

/// <summary>An advisory as its issuers see it, with who has confirmed reading it.</summary>
public sealed record AdvisoryDto(Guid Id, Guid UnitId, string UnitName, string Audience, string? AudienceRole, string Kind, string Title, string Body,
    string IssuedByName, DateTimeOffset IssuedAt, int Recipients, int Read, IReadOnlyList<ReceiptDto> Receipts);

/// <summary>An advisory as a recipient sees it.</summary>
public sealed record MyAdvisoryDto(Guid Id, string Kind, string Title, string Body, string IssuedByName, DateTimeOffset IssuedAt, DateTimeOffset? ReadAt);

/// <summary>Asking court security for a personal security recommendation.</summary>
public sealed record RecommendationAsk(Guid? CourtId, string? Question);

/// <param name="Status">"open" or "answered" (by an advisory to the requester).</param>
public sealed record RecommendationDto(Guid Id, Guid CourtId, string CourtName, string RequesterName, string Question, string Status, DateTimeOffset AskedAt,
    DateTimeOffset? AnsweredAt, Guid? AdvisoryId);

/// <summary>
/// A health precaution notice for a hearing. <c>precautions</c> are codes (glass-dock-ventilated, masks, gloves,
/// distance, ventilation, disinfection, separate-entrance); <c>recipients</c> are people who work at the court and
/// are involved. The diagnosis is stored for the filing medical officer alone.
/// </summary>
public sealed record HealthNoticeRequest(Guid? CourtId, string? HearingAt, string? CourtCaseNumber, string? Courtroom, IReadOnlyList<string>? Precautions,
    string? Instructions, string? Diagnosis, IReadOnlyList<Guid>? Recipients);

/// <summary>A notice as its filer sees it: with the diagnosis and the receipts.</summary>
public sealed record HealthNoticeDto(Guid Id, Guid CourtId, string CourtName, DateTimeOffset HearingAt, string CourtCaseNumber, string? Courtroom,
    IReadOnlyList<string> Precautions, string? Instructions, string Diagnosis, DateTimeOffset FiledAt, IReadOnlyList<ReceiptDto> Receipts);

/// <summary>A notice as a person involved in the hearing sees it: the precautions, never the diagnosis.</summary>
public sealed record MyHealthNoticeDto(Guid Id, string CourtName, DateTimeOffset HearingAt, string CourtCaseNumber, string? Courtroom,
    IReadOnlyList<string> Precautions, string? Instructions, string FiledByName, DateTimeOffset? ReadAt);

/// <summary>
/// An incident to debrief, entered by hand or from a resolved alarm (<c>alarmId</c>; then the court and the time are
/// the alarm's). <c>kind</c>: activist-misconduct, escorted-person-threat, duress-alarm, intrusion, other.
/// </summary>
public sealed record IncidentRequest(Guid? CourtId, string? OccurredAt, string? Kind, bool? OnPremises, string? Summary, Guid? AlarmId);

/// <summary>The debrief: the timeline as reconstructed, what worked, what did not, the lessons.</summary>
public sealed record DebriefRequest(string? Timeline, string? WentWell, string? WentBadly, string? Lessons);

/// <summary>An action item: what, who (a person who works at the court or over it), by when (yyyy-MM-dd).</summary>
public sealed record ActionItemRequest(string? Text, Guid? OwnerUserId, string? DueOn);

public sealed record ActionDoneRequest(string? Note);

public sealed record ActionItemDto(Guid Id, Guid IncidentId, string Text, Guid OwnerUserId, string OwnerName, DateOnly DueOn, string Status, DateTimeOffset? DoneAt,
    string? DoneNote, bool Overdue);

/// <param name="Status">"open", "debriefed" or "closed" (closed only when every action item is done).</param>
public sealed record IncidentDto(Guid Id, Guid CourtId, string CourtName, DateTimeOffset OccurredAt, string Kind, bool OnPremises, string Summary, Guid? AlarmId,
    string? AlarmTimeline, string Status, string? Timeline, string? WentWell, string? WentBadly, string? Lessons, DateTimeOffset? DebriefedAt,
    string? DebriefedBy, DateTimeOffset RecordedAt, IReadOnlyList<ActionItemDto> ActionItems);

/// <summary>A lesson from a debrief, as anyone who debriefs sees it across courts: no names, the court, the kind, the lessons.</summary>
public sealed record LessonDto(Guid IncidentId, string CourtName, DateTimeOffset OccurredAt, string Kind, bool OnPremises, string? Lessons, string? WentWell,
    string? WentBadly);

/// <summary>A resolved alarm an incident may be opened from.</summary>
public sealed record ResolvedAlarmDto(Guid AlarmId, Guid CourtId, string CourtName, string Kind, string? Zone, DateTimeOffset RaisedAt, DateTimeOffset? ResolvedAt,
    string? Outcome);

using Varta.Platform.Persistence;

namespace Varta.Threats.Data;

/// <summary>
/// A report of something that happened to a judge, a member of staff or their family: filed by them, or by a security
/// officer on their behalf, at the court where they work. Triage sorts it into an inappropriate communication or a
/// threat and puts it on a case.
/// </summary>
internal sealed class ThreatReport : IStamped
{
    public Guid Id { get; set; }

    /// <summary>The court building the report belongs to: its analysts triage it.</summary>
    public Guid CourtId { get; set; }

    /// <summary>Whom it happened to or who saw it: the person who sees the report as theirs.</summary>
    public Guid ReporterUserId { get; set; }

    public string ReporterName { get; set; } = "";

    /// <summary>Who typed it in: the reporter, or a security officer on their behalf.</summary>
    public Guid FiledByUserId { get; set; }

    public string FiledByName { get; set; } = "";

    /// <summary>When it happened, as the reporter says.</summary>
    public DateTime OccurredAt { get; set; }

    public string Channel { get; set; } = "";

    public string Target { get; set; } = "";

    /// <summary>The person targeted when it was not the reporter (a colleague, a family member).</summary>
    public string? TargetName { get; set; }

    public string Description { get; set; } = "";

    public bool SourceKnown { get; set; }

    public string? SourceName { get; set; }

    public string? SourceDetails { get; set; }

    public string? CourtCaseNumber { get; set; }

    public string Status { get; set; } = ReportStatus.Submitted;

    /// <summary>Set by triage: "inappropriate-communication" or "threat".</summary>
    public string? Tier { get; set; }

    public Guid? CaseId { get; set; }

    public DateTime? TriagedAt { get; set; }

    public string? TriagedBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>A file sent with a report, kept as sent with its SHA-256; served only as a download, never inline.</summary>
internal sealed class ReportAttachment : IStamped
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public string FileName { get; set; } = "";

    /// <summary>The type found from the content (not the one the client claimed).</summary>
    public string ContentType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content.</summary>
    public string Sha256 { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>A person (or an unnamed sender) behind communications; a known source links the cases it appears in.</summary>
internal sealed class ThreatSource
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name folded for matching (lower case, single spaces, apostrophes unified).</summary>
    public string NameKey { get; set; } = "";

    public string? Details { get; set; }

    public DateTime FirstNamedAt { get; set; }
}

/// <summary>A protective investigation: the reports it holds, who is protected, the assessments and the measures.</summary>
internal sealed class ThreatCase
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public int Year { get; set; }

    public int Sequence { get; set; }

    public Guid CourtId { get; set; }

    /// <summary>"inappropriate-communication" or "threat" (the highest of its reports').</summary>
    public string Tier { get; set; } = "";

    /// <summary>"imminent", "expedited" or "standard": which timeliness target applies.</summary>
    public string Priority { get; set; } = "";

    public string Status { get; set; } = CaseStatus.New;

    public string Summary { get; set; } = "";

    public Guid? SourceId { get; set; }

    /// <summary>Related court cases, as typed (one per line).</summary>
    public string? CourtCases { get; set; }

    public Guid? AnalystUserId { get; set; }

    public string? AnalystName { get; set; }

    public DateTime OpenedAt { get; set; }

    /// <summary>By when an assessment must count (the priority's target, counted on the business calendar).</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the first assessment that counts was made (filed, or approved by the second person).</summary>
    public DateTime? AssessedAt { get; set; }

    /// <summary>The risk level of the assessment that counts now.</summary>
    public string? RiskLevel { get; set; }

    /// <summary>When an imminent risk was assessed: measures must start by then (a configured number of hours after).</summary>
    public DateTime? MeasuresDueAt { get; set; }

    public DateTime? MeasuresStartedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosingReason { get; set; }

    public DateTime LastActivityAt { get; set; }

    public int Version { get; set; }
}

/// <summary>Someone a case protects. <see cref="UserId"/> is the user who sees the measures (the judge for their family).</summary>
internal sealed class ProtectedPerson : IStamped
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid? UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>"self" (a user of Varta), "colleague" or "family".</summary>
    public string Relation { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>One line of a case's timeline: who did what, when.</summary>
internal sealed class CaseEvent
{
    /// <summary>Numbered by the database in storage order: the timeline's order when several lines share an instant.</summary>
    public long Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTime At { get; set; }

    public Guid ActorUserId { get; set; }

    public string ActorName { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Text { get; set; }
}

/// <summary>A structured professional judgement; a reassessment is a new one, the earlier stay.</summary>
internal sealed class Assessment
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public int Version { get; set; }

    public string Stage { get; set; } = "";

    /// <summary>The warning behaviours seen, space-separated codes.</summary>
    public string Behaviours { get; set; } = "";

    public string? History { get; set; }

    public string? ProtectiveFactors { get; set; }

    public string RiskLevel { get; set; } = "";

    public string Reasons { get; set; } = "";

    public Guid AssessorUserId { get; set; }

    public string AssessorName { get; set; } = "";

    public DateTime AssessedAt { get; set; }

    /// <summary>"not-required" (low, moderate), "pending", "approved" or "returned".</summary>
    public string Review { get; set; } = "";

    public Guid? ReviewerUserId { get; set; }

    public string? ReviewerName { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    public int ConcurrencyVersion { get; set; }
}

/// <summary>A kind of protective measure from the catalogue the administrator keeps.</summary>
internal sealed class MeasureType
{
    public string Code { get; set; } = "";

    public string NameUk { get; set; } = "";

    public string NameEn { get; set; } = "";

    public bool Active { get; set; } = true;

    public int Order { get; set; }
}

/// <summary>A protective measure taken on a case, assigned to a unit or an officer, with its dates.</summary>
internal sealed class Measure : IStamped
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public Guid? ProtectedPersonId { get; set; }

    public string TypeCode { get; set; } = "";

    public Guid? AssigneeUnitId { get; set; }

    public Guid? AssigneeUserId { get; set; }

    public string AssigneeName { get; set; } = "";

    public DateOnly StartsOn { get; set; }

    public DateOnly? EndsOn { get; set; }

    public DateOnly? ReviewOn { get; set; }

    public string Status { get; set; } = MeasureStatus.Planned;

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public string? Notes { get; set; }

    /// <summary>The duress button Alarms provisioned when a "duress button at home" measure started.</summary>
    public Guid? DeviceId { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>
/// A security advisory to a person, a court or a group of a court (its judges, its staff): general safe-behaviour
/// guidance or individual protective measures. Its recipients are fixed when it is issued, each with a receipt.
/// </summary>
internal sealed class Advisory : IStamped
{
    public Guid Id { get; set; }

    /// <summary>The court (or unit) whose people it is for; issuers and readers of receipts are scoped by it.</summary>
    public Guid UnitId { get; set; }

    /// <summary>"person", "court" or "group".</summary>
    public string Audience { get; set; } = "";

    /// <summary>For a group: the role its people hold ("judge", "court-staff", "security-officer").</summary>
    public string? AudienceRole { get; set; }

    /// <summary>"general" or "individual".</summary>
    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public string Body { get; set; } = "";

    /// <summary>The case it comes from (individual measures), if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The recommendation request it answers, if any.</summary>
    public Guid? RequestId { get; set; }

    public Guid IssuedByUserId { get; set; }

    public string IssuedByName { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>One recipient of an advisory or a health notice, and when they confirmed reading it.</summary>
internal sealed class Receipt
{
    public Guid Id { get; set; }

    /// <summary>The advisory's or the health notice's id.</summary>
    public Guid ItemId { get; set; }

    /// <summary>"advisory" or "health-notice".</summary>
    public string ItemKind { get; set; } = "";

    public Guid UserId { get; set; }

    public string Name { get; set; } = "";

    public DateTime? ReadAt { get; set; }
}

/// <summary>A person's request for a personal security recommendation: a tracked item until an analyst answers it.</summary>
internal sealed class RecommendationRequest : IStamped
{
    public Guid Id { get; set; }

    public Guid CourtId { get; set; }

    public Guid RequesterUserId { get; set; }

    public string RequesterName { get; set; } = "";

    public string Question { get; set; } = "";

    /// <summary>"open" or "answered".</summary>
    public string Status { get; set; } = "open";

    public Guid? AdvisoryId { get; set; }

    public DateTime? AnsweredAt { get; set; }

    public string? AnsweredBy { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// A health precaution notice for a hearing: the people involved are told which precautions to take, never the
/// diagnosis, which only the medical officer who filed it sees.
/// </summary>
internal sealed class HealthNotice : IStamped
{
    public Guid Id { get; set; }

    public Guid CourtId { get; set; }

    public DateTime HearingAt { get; set; }

    public string CourtCaseNumber { get; set; } = "";

    public string? Courtroom { get; set; }

    /// <summary>Precaution codes, space-separated.</summary>
    public string Precautions { get; set; } = "";

    public string? Instructions { get; set; }

    /// <summary>Seen only by the filer.</summary>
    public string Diagnosis { get; set; } = "";

    public Guid FiledByUserId { get; set; }

    public string FiledByName { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>
/// An incident to learn from: misconduct of activists on or off the premises, threatening behaviour of an escorted
/// person, an alarm that was raised and resolved. Its debrief holds the lessons; its action items are followed to closure.
/// </summary>
internal sealed class Incident : IStamped
{
    public Guid Id { get; set; }

    public Guid CourtId { get; set; }

    public DateTime OccurredAt { get; set; }

    public string Kind { get; set; } = "";

    public bool OnPremises { get; set; } = true;

    public string Summary { get; set; } = "";

    /// <summary>The resolved alarm it was opened from, if any (through Alarms' contracts).</summary>
    public Guid? AlarmId { get; set; }

    /// <summary>The alarm's own times and outcome, as Alarms gave them when the incident was opened.</summary>
    public string? AlarmTimeline { get; set; }

    /// <summary>"open", "debriefed" or "closed".</summary>
    public string Status { get; set; } = "open";

    public string? Timeline { get; set; }

    public string? WentWell { get; set; }

    public string? WentBadly { get; set; }

    public string? Lessons { get; set; }

    public DateTime? DebriefedAt { get; set; }

    public string? DebriefedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>Something to do after an incident: an owner, a due date, followed until done.</summary>
internal sealed class ActionItem : IStamped
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public string Text { get; set; } = "";

    public Guid OwnerUserId { get; set; }

    public string OwnerName { get; set; } = "";

    public DateOnly DueOn { get; set; }

    /// <summary>"open" or "done".</summary>
    public string Status { get; set; } = "open";

    public DateTime? DoneAt { get; set; }

    public string? DoneNote { get; set; }

    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

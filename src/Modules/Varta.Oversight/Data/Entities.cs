using Varta.Platform.Persistence;

namespace Varta.Oversight.Data;

/// <summary>
/// One thing on a custody record that an inspector must look at, raised by a rule from a custody fact. It stays open
/// until an inspector closes it, whatever the record looks like later: a late notification is a fact to review, not an
/// alert that clears.
/// </summary>
internal sealed class ReviewItem
{
    public Guid Id { get; set; }

    public Guid FacilityId { get; set; }

    public Guid RecordId { get; set; }

    public string RecordNumber { get; set; } = "";

    /// <summary>The rule that raised it (see <see cref="Queue.ReviewRules"/>).</summary>
    public string Rule { get; set; } = "";

    /// <summary>The custody alert or entry it was raised from: one item per rule and source.</summary>
    public Guid SourceId { get; set; }

    /// <summary>The custody fact's kind and detail, as custody gave them.</summary>
    public string SourceKind { get; set; } = "";

    public string? Detail { get; set; }

    /// <summary>When it happened, by the record (an entry's occurredAt, an alert's due time).</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>When custody stored the fact.</summary>
    public DateTime RaisedAt { get; set; }

    /// <summary>When the rule put it in the queue.</summary>
    public DateTime QueuedAt { get; set; }

    public string Status { get; set; } = ReviewStatus.Open;

    /// <summary>On closing: whether a violation was found (see <see cref="ReviewConclusion"/>).</summary>
    public string? Conclusion { get; set; }

    public string? ClosingNote { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>What an inspector found on an item: a violation from the catalogue, what should be done, by whom and by when.</summary>
internal sealed class Finding : IStamped
{
    public Guid Id { get; set; }

    public Guid ItemId { get; set; }

    public string ViolationType { get; set; } = "";

    public string Text { get; set; } = "";

    public string? Recommendation { get; set; }

    /// <summary>Who must act (a post or a unit, as the inspector writes it).</summary>
    public string? Responsible { get; set; }

    public DateTime? DueBy { get; set; }

    /// <summary>When the inspector saw the recommendation acted on; null while it is still to be done.</summary>
    public DateTime? ActedAt { get; set; }

    public string? ActedNote { get; set; }

    public string? ActedRecordedBy { get; set; }

    /// <summary>Stamped on saving, with <see cref="RecordedBy"/>.</summary>
    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}

/// <summary>How far the rules have read custody's facts: one row.</summary>
internal sealed class ReviewCursor
{
    public int Id { get; set; }

    public DateTime? From { get; set; }
}

/// <summary>Read-only access to custody records for one person of an outside body, over the facilities under one unit, for a time.</summary>
internal sealed class Grant : IStamped
{
    public Guid Id { get; set; }

    public Guid GranteeUserId { get; set; }

    /// <summary>The grantee's display name when the grant was made.</summary>
    public string GranteeName { get; set; } = "";

    /// <summary>The body the grantee acts for (see <see cref="GrantBodies"/>).</summary>
    public string Body { get; set; } = "";

    /// <summary>A facility, or a region and every facility under it.</summary>
    public Guid ScopeUnitId { get; set; }

    public DateTime ValidFrom { get; set; }

    public DateTime ValidUntil { get; set; }

    public bool ShowMedical { get; set; }

    public bool ShowRiskAssessment { get; set; }

    public string Purpose { get; set; } = "";

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevokeReason { get; set; }

    /// <summary>When it was made (stamped on saving), with <see cref="RecordedBy"/>, who made it.</summary>
    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

/// <summary>One look by a grantee at a facility's records: kept for the facility's head (and in the audit log).</summary>
internal sealed class GranteeView
{
    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid FacilityId { get; set; }

    public Guid? RecordId { get; set; }

    public string? RecordNumber { get; set; }

    /// <summary>"record", "records-list" or "visit-register".</summary>
    public string What { get; set; } = "";

    public DateTime ViewedAt { get; set; }
}

/// <summary>An unannounced visit by a grantee to a facility.</summary>
internal sealed class Visit
{
    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid FacilityId { get; set; }

    public string MonitorName { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public string? Summary { get; set; }

    public int Version { get; set; }
}

/// <summary>A line of a visit's register: a registered person as the register had them at the start, or a person found unregistered.</summary>
internal sealed class VisitLine
{
    public Guid Id { get; set; }

    public Guid VisitId { get; set; }

    public int Order { get; set; }

    public Guid? RecordId { get; set; }

    public string? RecordNumber { get; set; }

    public string PersonName { get; set; } = "";

    public string? RegisteredCell { get; set; }

    public string Result { get; set; } = VisitResults.Unchecked;

    public string? FoundCell { get; set; }

    public string? Note { get; set; }

    public DateTime? CheckedAt { get; set; }
}

/// <summary>A request to see a camera's footage for a time range: who asks, why, who decided; approved views are audited.</summary>
internal sealed class FootageRequest : IStamped
{
    public Guid Id { get; set; }

    public Guid FacilityId { get; set; }

    public string CameraCode { get; set; } = "";

    public DateTime From { get; set; }

    public DateTime To { get; set; }

    public string Reason { get; set; } = "";

    public Guid? RecordId { get; set; }

    public Guid RequestedById { get; set; }

    /// <summary>"pending", "approved" or "refused".</summary>
    public string Status { get; set; } = "pending";

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecisionNote { get; set; }

    public int Views { get; set; }

    /// <summary>When it was asked (stamped on saving), with <see cref="RecordedBy"/>, who asked.</summary>
    public DateTime RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    public int Version { get; set; }
}

internal static class VisitResults
{
    public const string Unchecked = "unchecked";
    public const string Found = "found";
    public const string Absent = "absent";
    public const string OtherCell = "other-cell";
    public const string Unregistered = "unregistered";

    /// <summary>What a monitor may mark a registered person as.</summary>
    public static readonly string[] Marks = [Found, Absent, OtherCell];
}

internal static class GrantBodies
{
    public const string Prosecutor = "prosecutor";
    public const string OmbudsmanNpm = "ombudsman-npm";
    public const string LegalAidCentre = "legal-aid-centre";

    public static readonly string[] All = [Prosecutor, OmbudsmanNpm, LegalAidCentre];
}

internal static class ReviewStatus
{
    public const string Open = "open";
    public const string Closed = "closed";
}

internal static class ReviewConclusion
{
    public const string Violation = "violation";
    public const string NoViolation = "no-violation";

    public static readonly string[] All = [Violation, NoViolation];
}

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

namespace Varta.Custody.Contracts;

/// <summary>
/// Something on a custody record that a human rights inspector reviews: an alert that was raised (even if it has since
/// cleared) or an entry of a kind that calls for review. Facts carry no personal details; the record number and the
/// entry or alert id lead to them.
/// </summary>
/// <param name="SourceId">The alert's or the entry's id: one fact per source and kind.</param>
/// <param name="RecordId">The record it is on.</param>
/// <param name="RecordNumber">The record's number, e.g. "ITT-KYIV-1/2026/00042".</param>
/// <param name="FacilityId">The detention facility of the record.</param>
/// <param name="Kind">One of <see cref="CustodyReviewKinds"/>.</param>
/// <param name="OccurredAt">When it happened (an entry's occurredAt; an alert's due time).</param>
/// <param name="RecordedAt">When Varta stored it (an entry's recordedAt; when an alert was raised): the order facts come in.</param>
/// <param name="Detail">A short machine-readable detail (an alert's kind, the corrected entry's type, an incident's kind), or null.</param>
public sealed record CustodyReviewFact(
    Guid SourceId, Guid RecordId, string RecordNumber, Guid FacilityId, string Kind, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string? Detail);

/// <summary>The kinds of <see cref="CustodyReviewFact"/>.</summary>
public static class CustodyReviewKinds
{
    /// <summary>An alert was raised; <see cref="CustodyReviewFact.Detail"/> is its kind (legal-aid-not-notified, check-overdue, late-delivery…).</summary>
    public const string Alert = "alert";

    /// <summary>A medical examination after the first found injuries, found the person unfit, or referred them to hospital.</summary>
    public const string MedicalFinding = "medical-finding";

    /// <summary>An entry was corrected; <see cref="CustodyReviewFact.Detail"/> is the corrected entry's type.</summary>
    public const string Correction = "correction";

    public const string Complaint = "complaint";

    public const string UseOfForce = "use-of-force";

    /// <summary>An incident; <see cref="CustodyReviewFact.Detail"/> is its kind (self-harm, illness, injury, attempted-escape, other).</summary>
    public const string Incident = "incident";

    /// <summary>A placement made with a separation or floor-area override.</summary>
    public const string PlacementOverride = "placement-override";

    /// <summary>A release or transfer after the record's latest legal moment.</summary>
    public const string ClosedAfterLimit = "closed-after-limit";

    /// <summary>A welfare check recorded as made after it was due (judged by when it happened).</summary>
    public const string CheckLate = "check-late";

    public static readonly IReadOnlyList<string> All =
        [Alert, MedicalFinding, Correction, Complaint, UseOfForce, Incident, PlacementOverride, ClosedAfterLimit, CheckLate];
}

/// <summary>Reads the facts of custody records that call for review, in the order Varta stored them.</summary>
public interface ICustodyReviewFacts
{
    /// <summary>
    /// Facts stored at or after <paramref name="from"/> (null: from the beginning), oldest first, at most
    /// <paramref name="limit"/> — and all of those stored at the last instant returned, so that a reader that resumes from
    /// that instant misses none (it sees some again; a fact is identified by its source and kind).
    /// </summary>
    Task<IReadOnlyList<CustodyReviewFact>> FactsFromAsync(DateTimeOffset? from, int limit, CancellationToken cancellationToken);
}

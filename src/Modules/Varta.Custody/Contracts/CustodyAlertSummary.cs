namespace Varta.Custody.Contracts;

/// <summary>An alert standing on a custody record.</summary>
/// <param name="Id">The alert's id.</param>
/// <param name="RecordId">The record it stands on (see <see cref="ICustodyRecords.FindAsync"/>).</param>
/// <param name="Kind">What is wrong, e.g. "check-overdue", "court-deadline-passed", "legal-aid-not-notified".</param>
/// <param name="DueAt">When the thing alerted about was due.</param>
/// <param name="RaisedAt">When the alert was raised.</param>
public sealed record CustodyAlertSummary(Guid Id, Guid RecordId, string Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt);

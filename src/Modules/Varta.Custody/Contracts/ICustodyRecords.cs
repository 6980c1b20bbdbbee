namespace Varta.Custody.Contracts;

/// <summary>
/// What other modules may read of custody records, without touching custody tables: a record's summary and the
/// alerts standing at a facility. No access check is made here: the calling module decides who may see what, and
/// audits its own reads.
/// </summary>
public interface ICustodyRecords
{
    /// <summary>The record's summary, or null when there is no such record.</summary>
    Task<CustodyRecordSummary?> FindAsync(Guid recordId, CancellationToken cancellationToken);

    /// <summary>The alerts standing now at a detention facility (deadlines near or past, checks overdue…), the soonest due first.</summary>
    Task<IReadOnlyList<CustodyAlertSummary>> OpenAlertsAsync(Guid facilityId, CancellationToken cancellationToken);
}

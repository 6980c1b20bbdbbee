namespace Varta.Custody.Contracts;

/// <summary>
/// Custody's figures for reports, counted in the database: per detention facility over a period [from, to). No access
/// check is made here: the calling module decides which facilities the caller may see, and audits its own reads.
/// </summary>
public interface ICustodyStatistics
{
    /// <summary>
    /// The figures of each facility in <paramref name="facilityIds"/> (a facility with nothing in the period has a row of
    /// zeros) and of all of them together, for the period from <paramref name="from"/> (inclusive) to <paramref name="to"/>
    /// (exclusive).
    /// </summary>
    Task<CustodyStatistics> ReadAsync(IReadOnlyCollection<Guid> facilityIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>The figures per facility, in the order asked, and for all of them together.</summary>
/// <param name="LegalAidThresholdMinutes">The time after the actual detention within which the legal aid centre is to be told.</param>
public sealed record CustodyStatistics(IReadOnlyList<FacilityCustodyFigures> Facilities, CustodyFigures Total, int LegalAidThresholdMinutes);

public sealed record FacilityCustodyFigures(Guid FacilityId, CustodyFigures Figures);

/// <summary>What custody records say about a period.</summary>
/// <param name="Detentions">Records whose actual moment of detention falls in the period.</param>
/// <param name="Closed">Records released or transferred in the period.</param>
/// <param name="MedianMinutesInCustody">
/// Over the records closed in the period: the median time from the actual detention to the release or transfer, in
/// minutes (the mean of the middle two for an even count); null when none closed.
/// </param>
/// <param name="MaxMinutesInCustody">The longest of those times, in minutes; null when none closed.</param>
/// <param name="LegalAidWithinThreshold">
/// Of the detentions: the legal aid centre notified no later than the threshold after the actual detention (the rule
/// custody applies when the notification is recorded).
/// </param>
/// <param name="LegalAidNotifiedOrDue">
/// Of the detentions: the legal aid centre notified, or not notified and the threshold already passed — the share's
/// denominator (a record still within its threshold and not yet notified is not counted either way).
/// </param>
/// <param name="ChecksMissed">Welfare checks overdue: custody's check-overdue alerts whose due time falls in the period.</param>
/// <param name="InjuriesOnArrival">Of the detentions: the first medical examination found injuries.</param>
/// <param name="Complaints">Complaint entries that occurred in the period.</param>
/// <param name="UseOfForce">Use of force or special means entries that occurred in the period.</param>
/// <param name="Corrections">Corrections of any entry made (recorded) in the period.</param>
public sealed record CustodyFigures(
    int Detentions,
    int Closed,
    double? MedianMinutesInCustody,
    int? MaxMinutesInCustody,
    int LegalAidWithinThreshold,
    int LegalAidNotifiedOrDue,
    int ChecksMissed,
    int InjuriesOnArrival,
    int Complaints,
    int UseOfForce,
    int Corrections);

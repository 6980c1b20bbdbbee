using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Alerts;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Custody.Rules;
using Varta.Platform.Persistence;

namespace Varta.Custody.Statistics;

/// <summary>
/// Custody's report figures, counted and grouped by facility in the database (indexes in <see cref="CustodyModel"/>):
/// no record or entry is loaded, except the two instants of each record closed in the period, for the median.
/// </summary>
internal sealed class CustodyStatisticsQuery(VartaDbContext db, IOptions<CustodyOptions> options, TimeProvider clock) : ICustodyStatistics
{
    public async Task<CustodyStatistics> ReadAsync(IReadOnlyCollection<Guid> facilityIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var ids = facilityIds.Distinct().ToList();
        var start = from.UtcDateTime;
        var end = to.UtcDateTime;
        var threshold = options.Value.NotificationThreshold;
        var thresholdMinutes = threshold.TotalMinutes;

        // The legal aid rule as custody applies it (EntryChecks, AlertRules): notified within the threshold after the
        // actual detention is in time; not notified once the threshold has passed is due and missed.
        var dueBefore = clock.GetUtcNow().UtcDateTime - threshold;
        var detentions = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.FacilityId) && r.DetainedAt >= start && r.DetainedAt < end)
            .GroupBy(r => r.FacilityId)
            .Select(g => new
            {
                FacilityId = g.Key,
                Count = g.Count(),
                Injuries = g.Count(r => r.InjuriesOnArrival),
                Within = g.Count(r => r.LegalAidNotifiedAt != null && r.LegalAidNotifiedAt <= r.DetainedAt.AddMinutes(thresholdMinutes)),
                NotifiedOrDue = g.Count(r => r.LegalAidNotifiedAt != null || r.DetainedAt < dueBefore),
            })
            .ToDictionaryAsync(x => x.FacilityId, cancellationToken);

        // The median is not portable SQL (PostgreSQL has percentile_cont, SQLite has nothing): only the two instants of
        // each record closed in the period are read, and the minutes are computed here.
        var closed = (await db.Set<CustodyRecord>().AsNoTracking()
                .Where(r => ids.Contains(r.FacilityId) && r.ClosedAt >= start && r.ClosedAt < end)
                .Select(r => new { r.FacilityId, r.DetainedAt, ClosedAt = r.ClosedAt!.Value })
                .ToListAsync(cancellationToken))
            .Select(r => (r.FacilityId, Minutes: (r.ClosedAt - r.DetainedAt).TotalMinutes))
            .ToList();

        var checks = await db.Set<CustodyAlert>().AsNoTracking()
            .Where(a => ids.Contains(a.FacilityId) && a.Kind == AlertKinds.CheckOverdue && a.DueAt >= start && a.DueAt < end)
            .GroupBy(a => a.FacilityId)
            .Select(g => new { FacilityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.FacilityId, x => x.Count, cancellationToken);

        string[] occurring = [EntryCatalog.Complaint, EntryCatalog.UseOfForce];
        var events = await (from e in db.Set<CustodyEntry>().AsNoTracking()
                            join r in db.Set<CustodyRecord>().AsNoTracking() on e.RecordId equals r.Id
                            where occurring.Contains(e.Type) && e.OccurredAt >= start && e.OccurredAt < end && ids.Contains(r.FacilityId)
                            group e by new { r.FacilityId, e.Type } into g
                            select new { g.Key.FacilityId, g.Key.Type, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var corrections = await (from e in db.Set<CustodyEntry>().AsNoTracking()
                                 join r in db.Set<CustodyRecord>().AsNoTracking() on e.RecordId equals r.Id
                                 where e.Type == EntryCatalog.Correction && e.RecordedAt >= start && e.RecordedAt < end && ids.Contains(r.FacilityId)
                                 group e by r.FacilityId into g
                                 select new { FacilityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.FacilityId, x => x.Count, cancellationToken);

        int Events(Guid facility, string type) => events.Where(x => x.FacilityId == facility && x.Type == type).Sum(x => x.Count);
        var rows = ids.Select(id =>
        {
            var d = detentions.GetValueOrDefault(id);
            var minutes = closed.Where(c => c.FacilityId == id).Select(c => c.Minutes).ToList();
            return new FacilityCustodyFigures(id, new CustodyFigures(
                d?.Count ?? 0, minutes.Count, Median(minutes), Max(minutes), d?.Within ?? 0, d?.NotifiedOrDue ?? 0, checks.GetValueOrDefault(id),
                d?.Injuries ?? 0, Events(id, EntryCatalog.Complaint), Events(id, EntryCatalog.UseOfForce), corrections.GetValueOrDefault(id)));
        }).ToList();

        var all = closed.Select(c => c.Minutes).ToList();
        var total = new CustodyFigures(
            rows.Sum(r => r.Figures.Detentions), all.Count, Median(all), Max(all), rows.Sum(r => r.Figures.LegalAidWithinThreshold),
            rows.Sum(r => r.Figures.LegalAidNotifiedOrDue), rows.Sum(r => r.Figures.ChecksMissed), rows.Sum(r => r.Figures.InjuriesOnArrival),
            rows.Sum(r => r.Figures.Complaints), rows.Sum(r => r.Figures.UseOfForce), rows.Sum(r => r.Figures.Corrections));
        return new CustodyStatistics(rows, total, (int)Math.Round(thresholdMinutes));
    }

    /// <summary>The median in whole minutes, or the mean of the middle two (to half a minute) for an even count.</summary>
    private static double? Median(List<double> minutes)
    {
        if (minutes.Count == 0)
        {
            return null;
        }

        var sorted = minutes.Select(Math.Floor).Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static int? Max(List<double> minutes) => minutes.Count == 0 ? null : (int)Math.Floor(minutes.Max());
}

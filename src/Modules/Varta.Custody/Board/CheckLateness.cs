using Microsoft.EntityFrameworkCore;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Persistence;

namespace Varta.Custody.Board;

/// <summary>
/// Whether a record's latest welfare check was made after it was due: after the previous check (or arrival) plus the
/// interval of the observation level in force at the time. The record itself keeps only the next due time, which the
/// check has already moved on.
/// </summary>
internal static class CheckLateness
{
    /// <summary>
    /// Only checks this long before the oldest latest check are read. Intervals are far shorter, so a latest check with
    /// no earlier one in the window is late whether or not an older one exists.
    /// </summary>
    private static readonly TimeSpan Window = TimeSpan.FromDays(1);

    /// <summary>The ids of the records whose latest check was late.</summary>
    public static async Task<HashSet<Guid>> LateAsync(VartaDbContext db, IReadOnlyList<CustodyRecord> records, CheckPolicy policy, CancellationToken ct)
    {
        var checkedRecords = records.Where(r => r.LastCheckAt is not null).ToList();
        if (checkedRecords.Count == 0)
        {
            return [];
        }

        var ids = checkedRecords.Select(r => r.Id).ToList();
        var from = checkedRecords.Min(r => r.LastCheckAt!.Value) - Window;
        var entries = await db.Set<CustodyEntry>().AsNoTracking()
            .Where(e => ids.Contains(e.RecordId)
                && (e.Type == EntryCatalog.RiskAssessment || e.Type == EntryCatalog.Correction
                    || (e.Type == EntryCatalog.WelfareCheck && e.OccurredAt >= from)))
            .ToListAsync(ct);
        var byRecord = entries.ToLookup(e => e.RecordId);
        return checkedRecords.Where(r => IsLate(r, RecordState.Effective(byRecord[r.Id]), policy)).Select(r => r.Id).ToHashSet();
    }

    public static bool IsLate(CustodyRecord record, IReadOnlyList<EffectiveEntry> entries, CheckPolicy policy)
    {
        var checks = entries.Where(e => e.Entry.Type == EntryCatalog.WelfareCheck).OrderBy(e => e.OccurredAt).ToList();
        if (checks.Count == 0)
        {
            return false;
        }

        var last = checks[^1];
        var previous = checks.Count > 1 ? checks[^2].OccurredAt : RecordReader.Utc(record.ArrivedAt);
        var risk = entries.Where(e => e.Entry.Type == EntryCatalog.RiskAssessment && e.OccurredAt <= last.OccurredAt).MaxBy(e => e.OccurredAt);
        var level = risk is null ? 1 : EntryData.Int(risk.Data, "observationLevel") ?? 1;
        return last.OccurredAt > previous.AddMinutes(policy.MinutesFor(level));
    }
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Varta.Custody.Contracts;
using Varta.Custody.Data;
using Varta.Custody.Records;
using Varta.Custody.Rules;
using Varta.Platform.Persistence;

namespace Varta.Custody.Review;

/// <summary>Custody's side of the review queue: which alerts and entries are facts to review, read in storage order.</summary>
internal sealed class CustodyReviewFacts(VartaDbContext db, IOptions<CustodyOptions> options) : ICustodyReviewFacts
{
    private static readonly string[] EntryTypes =
    [
        EntryCatalog.MedicalExamination, EntryCatalog.Correction, EntryCatalog.Complaint, EntryCatalog.UseOfForce, EntryCatalog.Incident,
        EntryCatalog.CellPlacement, EntryCatalog.Release, EntryCatalog.Transfer, EntryCatalog.WelfareCheck,
    ];

    public async Task<IReadOnlyList<CustodyReviewFact>> FactsFromAsync(DateTimeOffset? from, int limit, CancellationToken cancellationToken)
    {
        var start = (from ?? DateTimeOffset.MinValue).UtcDateTime;
        var alerts = await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.RaisedAt >= start)
            .OrderBy(a => a.RaisedAt).Take(limit).ToListAsync(cancellationToken);
        var entries = await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordedAt >= start && EntryTypes.Contains(e.Type))
            .OrderBy(e => e.RecordedAt).Take(limit).ToListAsync(cancellationToken);

        // What is returned ends at the earlier of the two lists' last instants (a full list may go on past it), and
        // includes everything stored at that instant.
        DateTime? end = null;
        if (alerts.Count == limit)
        {
            end = alerts[^1].RaisedAt;
        }

        if (entries.Count == limit && (end is null || entries[^1].RecordedAt < end))
        {
            end = entries[^1].RecordedAt;
        }

        if (end is { } last)
        {
            alerts = [.. alerts.Where(a => a.RaisedAt < last), .. await db.Set<CustodyAlert>().AsNoTracking().Where(a => a.RaisedAt == last).ToListAsync(cancellationToken)];
            entries = [.. entries.Where(e => e.RecordedAt < last),
                .. await db.Set<CustodyEntry>().AsNoTracking().Where(e => e.RecordedAt == last && EntryTypes.Contains(e.Type)).ToListAsync(cancellationToken)];
        }

        var recordIds = alerts.Select(a => a.RecordId).Concat(entries.Select(e => e.RecordId)).Distinct().ToList();
        var records = await db.Set<CustodyRecord>().AsNoTracking().Where(r => recordIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.FacilityId, r.MaxDeadline }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var correctedIds = entries.Where(e => e.CorrectsEntryId != null).Select(e => e.CorrectsEntryId!.Value).Distinct().ToList();
        var corrected = await db.Set<CustodyEntry>().AsNoTracking().Where(e => correctedIds.Contains(e.Id))
            .Select(e => new { e.Id, e.Type }).ToDictionaryAsync(e => e.Id, e => e.Type, cancellationToken);

        var late = await LateChecksAsync(entries.Where(e => e.Type == EntryCatalog.WelfareCheck).Select(e => e.RecordId).Distinct().ToList(), cancellationToken);
        var facts = new List<CustodyReviewFact>();
        foreach (var a in alerts)
        {
            if (records.TryGetValue(a.RecordId, out var r))
            {
                facts.Add(new CustodyReviewFact(a.Id, a.RecordId, r.Number, r.FacilityId, CustodyReviewKinds.Alert,
                    RecordReader.Utc(a.DueAt), RecordReader.Utc(a.RaisedAt), a.Kind));
            }
        }

        foreach (var e in entries)
        {
            if (!records.TryGetValue(e.RecordId, out var r))
            {
                continue;
            }

            var (kind, detail) = e.Type == EntryCatalog.WelfareCheck
                ? (late.Contains(e.Id) ? CustodyReviewKinds.CheckLate : null, null)
                : Classify(e, r.MaxDeadline, corrected);
            if (kind is not null)
            {
                facts.Add(new CustodyReviewFact(e.Id, e.RecordId, r.Number, r.FacilityId, kind, RecordReader.Utc(e.OccurredAt), RecordReader.Utc(e.RecordedAt), detail));
            }
        }

        return facts.OrderBy(f => f.RecordedAt).ToList();
    }

    /// <summary>
    /// The welfare checks recorded after they were due (judged by when they happened, against the interval of the
    /// observation level then in force), on the given records.
    /// </summary>
    private async Task<HashSet<Guid>> LateChecksAsync(List<Guid> recordIds, CancellationToken ct)
    {
        var late = new HashSet<Guid>();
        if (recordIds.Count == 0)
        {
            return late;
        }

        var records = await db.Set<CustodyRecord>().AsNoTracking().Where(r => recordIds.Contains(r.Id))
            .Select(r => new { r.Id, r.FacilityId, r.ArrivedAt }).ToListAsync(ct);
        var facilityIds = records.Select(r => r.FacilityId).Distinct().ToList();
        var settings = await db.Set<FacilitySettings>().AsNoTracking().Where(s => facilityIds.Contains(s.FacilityId)).ToDictionaryAsync(s => s.FacilityId, ct);
        var entries = (await db.Set<CustodyEntry>().AsNoTracking().Where(e => recordIds.Contains(e.RecordId)).ToListAsync(ct)).ToLookup(e => e.RecordId);
        foreach (var r in records)
        {
            late.UnionWith(RecordState.LateChecks(RecordState.Effective(entries[r.Id].OrderBy(e => e.Seq).ToList()), r.ArrivedAt,
                CheckPolicy.For(options.Value, settings.GetValueOrDefault(r.FacilityId))));
        }

        return late;
    }

    /// <summary>Whether an entry is a fact to review, and of which kind.</summary>
    private static (string? Kind, string? Detail) Classify(CustodyEntry e, DateTime maxDeadline, IReadOnlyDictionary<Guid, string> corrected)
    {
        using var data = JsonDocument.Parse(e.Data);
        var root = data.RootElement;
        bool Is(string name, bool value) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False && v.GetBoolean() == value;
        string? Text(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

        return e.Type switch
        {
            EntryCatalog.MedicalExamination when Is("injuriesFound", true) || Is("fitForDetention", false) || Is("hospitalReferral", true) =>
                (CustodyReviewKinds.MedicalFinding, Is("injuriesFound", true) ? "injuries" : Is("fitForDetention", false) ? "unfit" : "hospital-referral"),
            EntryCatalog.Correction when e.CorrectsEntryId is { } target && corrected.TryGetValue(target, out var type) => (CustodyReviewKinds.Correction, type),
            EntryCatalog.Complaint => (CustodyReviewKinds.Complaint, null),
            EntryCatalog.UseOfForce => (CustodyReviewKinds.UseOfForce, Text("means")),
            EntryCatalog.Incident => (CustodyReviewKinds.Incident, Text("kind")),
            EntryCatalog.CellPlacement when Text("overrideReason") is not null => (CustodyReviewKinds.PlacementOverride, null),
            EntryCatalog.Release or EntryCatalog.Transfer when e.OccurredAt > maxDeadline => (CustodyReviewKinds.ClosedAfterLimit, e.Type),
            _ => (null, null),
        };
    }
}

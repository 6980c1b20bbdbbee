using System.Text.Json.Nodes;
using Varta.Custody.Data;

namespace Varta.Custody.Rules;

/// <summary>An entry as it now stands: its data with every correction applied.</summary>
internal sealed record EffectiveEntry(CustodyEntry Entry, DateTimeOffset OccurredAt, JsonObject Data, IReadOnlyList<CustodyEntry> Corrections);

/// <summary>
/// The record's derived state (observation level, last check, notifications, cell…) is a fold over its
/// entries with corrections applied, recomputed after each append, so a correction moves the clocks too.
/// </summary>
internal static class RecordState
{
    public static List<EffectiveEntry> Effective(IEnumerable<CustodyEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Seq).ToList();
        var corrections = ordered.Where(e => e.CorrectsEntryId is not null).ToLookup(e => e.CorrectsEntryId!.Value);
        var result = new List<EffectiveEntry>();
        foreach (var entry in ordered.Where(e => e.CorrectsEntryId is null))
        {
            var data = JsonNode.Parse(entry.Data)?.AsObject() ?? [];
            var occurred = new DateTimeOffset(entry.OccurredAt, TimeSpan.Zero);
            foreach (var correction in corrections[entry.Id].OrderBy(c => c.Seq))
            {
                var patch = JsonNode.Parse(correction.Data)?.AsObject() ?? [];
                foreach (var (key, value) in patch)
                {
                    data[key] = value?.DeepClone();
                }

                occurred = new DateTimeOffset(correction.OccurredAt, TimeSpan.Zero);
            }

            result.Add(new EffectiveEntry(entry, occurred, data, corrections[entry.Id].ToList()));
        }

        return result;
    }

    public static void Apply(CustodyRecord record, IReadOnlyList<EffectiveEntry> entries, CheckPolicy checks)
    {
        EffectiveEntry? Latest(string type) => entries.Where(e => e.Entry.Type == type).MaxBy(e => e.OccurredAt);
        DateTimeOffset? Earliest(string type) => entries.Where(e => e.Entry.Type == type).Select(e => (DateTimeOffset?)e.OccurredAt).Min();

        var risk = Latest(EntryCatalog.RiskAssessment);
        record.ObservationLevel = risk is null ? 1 : EntryData.Int(risk.Data, "observationLevel") ?? 1;
        record.RiskLevel = risk is null ? null : EntryData.Text(risk.Data, "riskLevel");

        var firstExam = entries.Where(e => e.Entry.Type == EntryCatalog.MedicalExamination).MinBy(e => e.OccurredAt);
        record.InjuriesOnArrival = firstExam is not null && EntryData.Bool(firstExam.Data, "injuriesFound") == true;

        record.LegalAidNotifiedAt = Earliest(EntryCatalog.LegalAidNotified)?.UtcDateTime;
        record.RelativesNotifiedAt = Earliest(EntryCatalog.RelativesNotified)?.UtcDateTime;
        record.LastCheckAt = Latest(EntryCatalog.WelfareCheck)?.OccurredAt.UtcDateTime;
        record.LastMealAt = Latest(EntryCatalog.Meal)?.OccurredAt.UtcDateTime;

        var placement = entries.Where(e => e.Entry.Type == EntryCatalog.CellPlacement).MaxBy(e => e.Entry.Seq);
        record.CellId = record.Status == RecordStatus.InCustody && placement is not null ? EntryData.Id(placement.Data, "cellId") : null;

        record.NextCheckDue = record.Status == RecordStatus.InCustody
            ? (record.LastCheckAt ?? record.ArrivedAt).AddMinutes(checks.MinutesFor(record.ObservationLevel))
            : null;
        record.EntryCount = entries.Sum(e => 1 + e.Corrections.Count);
    }
}

/// <summary>Welfare check intervals for a facility, by observation level.</summary>
internal sealed record CheckPolicy(int L1, int L2, int L3, int L4, decimal MinFloorArea)
{
    public int MinutesFor(int level) => level switch { >= 4 => L4, 3 => L3, 2 => L2, _ => L1 };

    public static CheckPolicy For(CustodyOptions options, FacilitySettings? settings) => new(
        settings?.L1Minutes ?? options.CheckMinutes.GetValueOrDefault(1, 60),
        settings?.L2Minutes ?? options.CheckMinutes.GetValueOrDefault(2, 30),
        settings?.L3Minutes ?? options.CheckMinutes.GetValueOrDefault(3, 15),
        settings?.L4Minutes ?? options.CheckMinutes.GetValueOrDefault(4, 15),
        settings?.MinFloorAreaPerPerson ?? options.MinFloorAreaPerPerson);
}

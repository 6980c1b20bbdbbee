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

    public static void Apply(CustodyRecord record, IReadOnlyList<EffectiveEntry> entries, CustodyOptions options, FacilitySettings? settings)
    {
        var checks = CheckPolicy.For(options, settings);
        EffectiveEntry? Latest(string type) => entries.Where(e => e.Entry.Type == type).OrderBy(e => e.OccurredAt).ThenBy(e => e.Entry.Seq).LastOrDefault();
        DateTimeOffset? Earliest(string type, Func<EffectiveEntry, bool>? where = null) =>
            entries.Where(e => e.Entry.Type == type && (where is null || where(e))).Select(e => (DateTimeOffset?)e.OccurredAt).Min();

        ApplyBooking(record, entries, options);
        var risk = Latest(EntryCatalog.RiskAssessment);
        record.ObservationLevel = risk is null ? 1 : EntryData.Int(risk.Data, "observationLevel") ?? 1;
        record.RiskLevel = risk is null ? null : EntryData.Text(risk.Data, "riskLevel");

        ApplyMedical(record, entries);
        record.LegalAidNotifiedAt = Earliest(EntryCatalog.LegalAidNotified)?.UtcDateTime;
        record.RelativesNotifiedAt = Earliest(EntryCatalog.RelativesNotified)?.UtcDateTime;
        record.ParentsNotifiedAt = Earliest(EntryCatalog.RelativesNotified,
            e => EntryCatalog.IsParentOrRepresentative(EntryData.Text(e.Data, "contactKind")))?.UtcDateTime;
        record.GuardianshipNotifiedAt = Earliest(EntryCatalog.GuardianshipNotified)?.UtcDateTime;
        record.LastCheckAt = Latest(EntryCatalog.WelfareCheck)?.OccurredAt.UtcDateTime;
        record.LastMealAt = Latest(EntryCatalog.Meal)?.OccurredAt.UtcDateTime;
        var late = LateChecks(entries, record.ArrivedAt, checks);
        record.LastCheckLate = Latest(EntryCatalog.WelfareCheck) is { } lastCheck && late.Contains(lastCheck.Entry.Id);

        var placement = entries.Where(e => e.Entry.Type == EntryCatalog.CellPlacement).MaxBy(e => e.Entry.Seq);
        var placed = record.Status == RecordStatus.InCustody && placement is not null;
        record.CellId = placed ? EntryData.Id(placement!.Data, "cellId") : null;
        record.PlacementOverride = placed ? EntryData.Text(placement!.Data, "overriddenRule") : null;

        record.NextCheckDue = record.Status == RecordStatus.InCustody
            ? (record.LastCheckAt ?? record.ArrivedAt).AddMinutes(checks.MinutesFor(record.ObservationLevel))
            : null;
        record.EntryCount = entries.Sum(e => 1 + e.Corrections.Count);
    }

    /// <summary>
    /// The welfare checks recorded after they were due: each is due an interval after the previous check (or the
    /// arrival), the interval of the observation level in force at that moment.
    /// </summary>
    public static HashSet<Guid> LateChecks(IReadOnlyList<EffectiveEntry> entries, DateTime arrivedAt, CheckPolicy checks)
    {
        var late = new HashSet<Guid>();
        var previous = new DateTimeOffset(DateTime.SpecifyKind(arrivedAt, DateTimeKind.Utc));
        var level = 1;
        foreach (var e in entries.OrderBy(e => e.OccurredAt).ThenBy(e => e.Entry.Seq))
        {
            if (e.Entry.Type == EntryCatalog.RiskAssessment)
            {
                level = EntryData.Int(e.Data, "observationLevel") ?? level;
            }
            else if (e.Entry.Type == EntryCatalog.WelfareCheck)
            {
                if (e.OccurredAt > previous.AddMinutes(checks.MinutesFor(level)))
                {
                    late.Add(e.Entry.Id);
                }

                previous = e.OccurredAt;
            }
        }

        return late;
    }

    /// <summary>
    /// The booking-in entry as corrected: the actual moment, place and basis of detention, and the arrival (the entry's
    /// own time); the clocks are recomputed from them, and the latest correction is kept for the inspector.
    /// </summary>
    private static void ApplyBooking(CustodyRecord record, IReadOnlyList<EffectiveEntry> entries, CustodyOptions options)
    {
        var booking = entries.FirstOrDefault(e => e.Entry.Type == EntryCatalog.BookingIn);
        if (booking is null || booking.Corrections.Count == 0)
        {
            return;
        }

        var d = booking.Data;
        if (EntryData.Instant(d, "detainedAt") is { } detainedAt)
        {
            record.DetainedAt = detainedAt.UtcDateTime;
        }

        record.ArrivedAt = booking.OccurredAt.UtcDateTime;
        record.DetentionPlace = EntryData.Text(d, "detentionPlace") ?? record.DetentionPlace;
        record.DetainingOfficer = EntryData.Text(d, "detainingOfficer") ?? record.DetainingOfficer;
        record.LegalBasis = EntryData.Text(d, "legalBasis") ?? record.LegalBasis;
        record.LegalBasisDetail = EntryData.Text(d, "legalBasisDetail") ?? record.LegalBasisDetail;
        record.AdministrativeException = record.LegalBasis == LegalBases.Coao262
            ? EntryData.Text(d, "administrativeException") ?? record.AdministrativeException
            : null;
        record.ProceedingsNumber = EntryData.Text(d, "proceedingsNumber") ?? record.ProceedingsNumber;
        var clocks = LegalClock.Compute(options, record.LegalBasis, new DateTimeOffset(DateTime.SpecifyKind(record.DetainedAt, DateTimeKind.Utc)),
            booking.OccurredAt, record.AdministrativeException);
        record.LegalRegime = clocks.Regime;
        record.CourtDeadline = clocks.CourtDeadline?.UtcDateTime;
        record.MaxDeadline = clocks.MaxDeadline.UtcDateTime;
        record.DetentionCorrectionId = booking.Corrections.MaxBy(c => c.Seq)!.Id;
    }

    /// <summary>
    /// The doctor safeguard's flag: the first examination (in time) that found injuries, found the person unfit for
    /// detention or referred them to hospital. A finding later withdrawn by a correction keeps the flag, with the
    /// correction that withdrew it.
    /// </summary>
    private static void ApplyMedical(CustodyRecord record, IReadOnlyList<EffectiveEntry> entries)
    {
        var exams = entries.Where(e => e.Entry.Type == EntryCatalog.MedicalExamination).OrderBy(e => e.OccurredAt).ThenBy(e => e.Entry.Seq).ToList();
        record.FirstMedicalAt = exams.FirstOrDefault()?.OccurredAt.UtcDateTime;
        record.InjuriesOnArrival = exams.Count > 0 && EntryData.Bool(exams[0].Data, "injuriesFound") == true;
        record.MedicalFlag = null;
        record.MedicalFlagCorrectionId = null;
        for (var i = 0; i < exams.Count && record.MedicalFlag is null; i++)
        {
            if (Concern(exams[i].Data, first: i == 0) is { } now)
            {
                record.MedicalFlag = now;
                continue;
            }

            // Not a concern as it stands: was it one as first written, or after an earlier correction?
            var data = JsonNode.Parse(exams[i].Entry.Data)?.AsObject() ?? [];
            var raised = Concern(data, first: i == 0);
            foreach (var correction in exams[i].Corrections.OrderBy(c => c.Seq))
            {
                foreach (var (key, value) in JsonNode.Parse(correction.Data)?.AsObject() ?? [])
                {
                    data[key] = value?.DeepClone();
                }

                if (raised is not null && Concern(data, first: i == 0) is null)
                {
                    record.MedicalFlag = raised;
                    record.MedicalFlagCorrectionId = correction.Id;
                    break;
                }

                raised ??= Concern(data, first: i == 0);
            }
        }
    }

    private static string? Concern(JsonObject exam, bool first) =>
        EntryData.Bool(exam, "injuriesFound") == true ? (first ? "injuries-on-arrival" : "injuries-in-custody")
        : EntryData.Bool(exam, "fitForDetention") == false ? "unfit-for-detention"
        : EntryData.Bool(exam, "hospitalReferral") == true ? "hospital-referral"
        : null;
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
